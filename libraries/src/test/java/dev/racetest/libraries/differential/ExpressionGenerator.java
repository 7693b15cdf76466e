package dev.racetest.libraries.differential;

import java.util.List;
import java.util.Random;

/**
 * Random side-effecting {@code int} and {@code long} expressions over the fields and arrays of a
 * generated program: static and instance, plain and volatile, read, assigned, compound-assigned and
 * incremented in the middle of other expressions. These are where a rewriter that shuffles the
 * operand stack around a field or array access (category-2 values, {@code dup_x2} forms) would go
 * wrong, and Java fixes their evaluation order, so both runs must agree.
 */
final class ExpressionGenerator {

    /** Assignable {@code int} places; {@code o} is the program instance, {@code a} and {@code b} locals. */
    private static final List<String> INT_PLACES = List.of("si0", "si1", "sv0", "o.fi0", "o.fi1", "o.fv0", "a", "b");
    private static final List<String> LONG_PLACES = List.of("sl0", "svl0", "o.fl0", "o.fvl0");
    private static final List<String> DOUBLE_PLACES = List.of("sd0", "o.fd0", "o.fvd0");
    /** Narrow places, whose compound assignments narrow implicitly: byte, short, char and float. */
    private static final List<String> NARROW_ARRAYS = List.of("ba", "sa", "ca", "fa");
    private static final List<String> NARROW_FIELDS = List.of("sb0", "o.fs0", "o.fvc0", "sf0");
    private static final List<String> INT_OPS = List.of("+", "-", "*", "^", "&", "|");
    private static final List<String> COMPOUND = List.of("+=", "-=", "*=", "^=", "|=", "&=", "<<=", ">>=");

    private final Random random;

    ExpressionGenerator(Random random) {
        this.random = random;
    }

    /** Return an {@code int} place: a field, a local or an element of {@code ia}. */
    String intPlace(int depth) {
        if (depth > 0 && random.nextInt(4) == 0) {
            return "ia[(" + intExpression(depth - 1) + ") & 7]";
        }
        return pick(INT_PLACES);
    }

    String longPlace(int depth) {
        if (depth > 0 && random.nextInt(4) == 0) {
            return "la[(" + intExpression(depth - 1) + ") & 7]";
        }
        return pick(LONG_PLACES);
    }

    String intExpression(int depth) {
        int choice = depth <= 0 ? random.nextInt(3) : random.nextInt(15);
        return switch (choice) {
            case 12 -> "((int) " + doubleExpression(depth - 1) + ")";
            case 13 -> "((int) (" + narrowPlace(depth - 1) + " " + pick(List.of("+=", "-=", "*=")) + " "
                    + intExpression(depth - 1) + "))";
            case 14 -> "((int) " + narrowPlace(depth - 1) + (random.nextBoolean() ? "++)" : "--)");
            case 0 -> Integer.toString(random.nextInt(200) - 100);
            case 1, 2 -> intPlace(0);
            case 3 -> "(" + intExpression(depth - 1) + " " + pick(INT_OPS) + " " + intExpression(depth - 1) + ")";
            case 4 -> "(" + intPlace(depth - 1) + " = " + intExpression(depth - 1) + ")";
            case 5 -> "(" + intPlace(depth - 1) + " " + pick(COMPOUND) + " " + intExpression(depth - 1) + ")";
            case 6 -> random.nextBoolean() ? "(" + intPlace(depth - 1) + "++)" : "(--" + intPlace(depth - 1) + ")";
            case 7 -> "((int) " + longExpression(depth - 1) + ")";
            case 8 -> "(" + intExpression(depth - 1) + " < " + intExpression(depth - 1) + " ? "
                    + intExpression(depth - 1) + " : " + intExpression(depth - 1) + ")";
            case 9 -> "mix(" + intExpression(depth - 1) + ", " + intExpression(depth - 1) + ")";
            case 10 -> "(" + intExpression(depth - 1) + " / ((" + intExpression(depth - 1) + " & 7) + 1))";
            default -> "ia[(" + intExpression(depth - 1) + ") & 7]";
        };
    }

    String longExpression(int depth) {
        int choice = depth <= 0 ? random.nextInt(3) : random.nextInt(9);
        return switch (choice) {
            case 0 -> random.nextInt(1000) + "L";
            case 1, 2 -> longPlace(0);
            case 3 -> "(" + longExpression(depth - 1) + " " + pick(INT_OPS) + " " + longExpression(depth - 1) + ")";
            case 4 -> "(" + longPlace(depth - 1) + " = " + longExpression(depth - 1) + ")";
            case 5 -> "(" + longPlace(depth - 1) + " " + pick(COMPOUND) + " " + intExpression(depth - 1) + ")";
            case 6 -> random.nextBoolean() ? "(" + longPlace(depth - 1) + "++)" : "(--" + longPlace(depth - 1) + ")";
            case 7 -> "((long) " + intExpression(depth - 1) + " * 1_000_003L)";
            default -> "la[(" + intExpression(depth - 1) + ") & 7]";
        };
    }

    /** Return a {@code double} expression over double fields and array elements. */
    String doubleExpression(int depth) {
        int choice = depth <= 0 ? random.nextInt(3) : random.nextInt(8);
        return switch (choice) {
            case 0 -> (random.nextInt(100) - 50) / 4.0 + "";
            case 1, 2 -> pick(DOUBLE_PLACES);
            case 3 -> "(" + doubleExpression(depth - 1) + " " + pick(List.of("+", "-", "*")) + " "
                    + doubleExpression(depth - 1) + ")";
            case 4 -> "(" + doublePlace(depth - 1) + " " + pick(List.of("+=", "-=", "*=")) + " "
                    + doubleExpression(depth - 1) + ")";
            case 5 -> "(" + doublePlace(depth - 1) + (random.nextBoolean() ? "++)" : "--)");
            case 6 -> "((double) " + longExpression(depth - 1) + " / 3)";
            default -> "(" + doublePlace(depth - 1) + " = " + intExpression(depth - 1) + " * 0.5)";
        };
    }

    private String doublePlace(int depth) {
        if (depth > 0 && random.nextInt(3) == 0) {
            return "da[(" + intExpression(depth - 1) + ") & 7]";
        }
        return pick(DOUBLE_PLACES);
    }

    private String narrowPlace(int depth) {
        if (depth > 0 && random.nextBoolean()) {
            return pick(NARROW_ARRAYS) + "[(" + intExpression(depth - 1) + ") & 7]";
        }
        return pick(NARROW_FIELDS);
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
