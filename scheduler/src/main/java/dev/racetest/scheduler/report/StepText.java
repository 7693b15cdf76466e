package dev.racetest.scheduler.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shortens the texts of a {@link dev.racetest.scheduler.TraceStep} for narrow places (a swimlane
 * cell, a trace viewer's slice) without losing what they say.
 */
final class StepText {

    /**
     * A field access on a labelled object whose class declares the field:
     * {@code read PayoutService.balance of PayoutService#1}.
     */
    private static final Pattern OWN_FIELD =
            Pattern.compile("(read|write|volatile read|volatile write|atomic) ([\\w$]+)\\.([\\w$]+) of \\2(#\\d+)");

    /**
     * A call into a library object: {@code calls Map.get ConcurrentHashMap#1}, {@code waits in
     * ExecutorService.awaitTermination ThreadPoolExecutor#1}.
     */
    private static final Pattern LIBRARY_CALL =
            Pattern.compile("(calls|waits in) [\\w$.]+\\.([\\w$]+) ([\\w$.]+#\\d+)");

    /** The file and line of a location written as a stack frame: {@code Owner.method(File.java:18)}. */
    private static final Pattern FRAME = Pattern.compile(".*\\((.+):(\\d+)\\)");

    private StepText() {
    }

    /**
     * Returns the operation with the object first: {@code read PayoutService#1.balance} for {@code
     * read PayoutService.balance of PayoutService#1} when the field is the object's own (an inherited
     * field keeps the long form, which names the declaring class), {@code calls ConcurrentHashMap#1.get}
     * for {@code calls Map.get ConcurrentHashMap#1} (the object's class says more than the interface
     * called through). The trace-event JSON keeps the operation as recorded.
     */
    static String operation(String operation) {
        Matcher field = OWN_FIELD.matcher(operation);
        if (field.matches()) {
            return field.group(1) + " " + field.group(2) + field.group(4) + "." + field.group(3);
        }
        Matcher call = LIBRARY_CALL.matcher(operation);
        if (call.matches()) {
            return call.group(1) + " " + call.group(3) + "." + call.group(2);
        }
        return operation;
    }

    /** Returns {@code PayoutService.java:18} for {@code PayoutService.payout(PayoutService.java:18)}. */
    static String shortLocation(String location) {
        Matcher frame = FRAME.matcher(location);
        return frame.matches() ? frame.group(1) + ":" + frame.group(2) : location;
    }

    /** Returns the file of a location, or {@code null} when it names none. */
    static String file(String location) {
        Matcher frame = FRAME.matcher(location);
        return frame.matches() ? frame.group(1) : null;
    }

    /** Returns the line of a location, or {@code -1} when it names none. */
    static int line(String location) {
        Matcher frame = FRAME.matcher(location);
        return frame.matches() ? Integer.parseInt(frame.group(2)) : -1;
    }

    /**
     * Returns the kind of an operation, its leading verb: {@code read}, {@code volatile write},
     * {@code calls}, {@code starts}; a trace viewer colours and filters slices by it.
     */
    static String kind(String operation) {
        if (operation.startsWith("volatile ") || operation.startsWith("array ") || operation.startsWith("waits in")
                || operation.startsWith("wakes from") || operation.startsWith("times out")) {
            int second = operation.indexOf(' ', operation.indexOf(' ') + 1);
            return second < 0 ? operation : operation.substring(0, second);
        }
        int space = operation.indexOf(' ');
        return space < 0 ? operation : operation.substring(0, space);
    }

    /** The class name of the first object label in an operation, as in {@code calls ThreadPoolExecutor#1.shutdown}. */
    private static final Pattern LABEL_CLASS = Pattern.compile("(.*? )([\\w$]{7,})(#\\d+.*)");

    /** The fewest characters of a class name that {@link #fitOperation} keeps before its {@code ...}. */
    private static final int KEPT_CLASS_PREFIX = 3;

    /**
     * Returns an operation cut to {@code width} characters: when it names an object, by shortening
     * the object's class name in the middle ({@code waits in Thr...#1.awaitTermination}), since what
     * is done to the object says more than the rest of its class name; otherwise at the end.
     */
    static String fitOperation(String operation, int width) {
        if (operation.length() <= width) {
            return operation;
        }
        Matcher label = LABEL_CLASS.matcher(operation);
        if (label.matches()) {
            int keep = label.group(2).length() - (operation.length() - width) - 3;
            if (keep >= KEPT_CLASS_PREFIX) {
                return label.group(1) + label.group(2).substring(0, keep) + "..." + label.group(3);
            }
        }
        return fit(operation, width);
    }

    /** Returns {@code text} cut to {@code width} characters, ending in {@code ...} when it was longer. */
    static String fit(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        return width <= 3 ? text.substring(0, width) : text.substring(0, width - 3) + "...";
    }
}
