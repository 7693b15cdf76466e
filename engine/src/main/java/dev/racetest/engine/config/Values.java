package dev.racetest.engine.config;

import dev.racetest.scheduler.LeakMode;
import dev.racetest.scheduler.RaceMode;
import dev.racetest.scheduler.StrategyKind;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parse the textual forms of racetest's settings. Each parser throws {@link IllegalArgumentException}
 * with no message when the text is malformed: the caller knows the key, the accepted form (the
 * {@code *_FORM} constants) and where the value came from, and writes the sentence.
 */
final class Values {

    static final String COUNT_FORM = "a whole number of at least 1, such as 500";
    static final String DURATION_FORM = "a positive duration such as 500ms, 10s, 2m or PT10S";
    static final String SEED_FORM = "a decimal number, a hexadecimal number starting with 0x, or random";
    static final String PREFIXES_FORM = "comma-separated package or class name prefixes, such as com.acme.,org.example.Cache";
    static final String REPORT_DIR_FORM = "a directory path, such as target/racetest-reports";
    static final String FAILURES_DIR_FORM = "a directory path, such as target/racetest-failures";
    static final String FAILURES_FORM = "replay-first (replay the stored failing schedules, then explore), replay-only"
            + " (replay them and explore nothing) or off (neither read nor write the failure database)";
    static final String STATICS_FORM = "fresh (every execution sees newly loaded classes) or shared (faster; statics carry over)";
    static final String ZERO_OR_MORE_FORM = "a whole number of at least 0, such as 1";
    static final String BOOLEAN_FORM = "true or false";
    static final String MODE_FORM = "quick (the default: seconds per test), thorough, or exhaustive (also nightly: every interleaving, by DPOR)";
    static final String PREEMPTION_BOUND_FORM = "a whole number of at least 1, or none";
    static final String SHARD_FORM = "i/n with 1 <= i <= n, such as 2/4 for the second of four CI jobs";
    static final String PROGRESS_FORM = "off, or a positive duration between progress lines such as 10s";
    static final String CHECKPOINT_FORM = "on (an exhaustive run keeps its state and resumes from it) or off";
    static final String PARALLELISM_FORM = "a whole number of at least 1, or auto (one per processor)";
    static final String STALL_FORM = "0, or a positive duration such as 500ms, 1s or PT1S";
    static final String RACES_FORM = "fail (a data race fails the test), warn (it is reported, the test does not fail)"
            + " or off (races are not looked for)";
    static final String LEAKS_FORM = "fail (a thread left behind fails the test), warn (it is reported, the test"
            + " does not fail) or off (it is not reported)";
    static final String FIELDS_FORM = "comma-separated fields named by their declaring class, such as"
            + " com.acme.Stats.hits,com.acme.Cache$Entry.value";

    /** The seed value that asks for a new random seed each run. */
    static final String RANDOM_SEED = "random";

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final Pattern FIELD = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+");
    private static final Pattern PREFIX = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*\\.?");

    private Values() {
    }

    /** Parse a count of at least 1; {@code _} separators are allowed, as in Java literals. */
    static int count(String text) {
        return atLeast(1, text);
    }

    /** Parse a count of at least 0, written as for {@link #count}. */
    static int zeroOrMore(String text) {
        return atLeast(0, text);
    }

    private static int atLeast(int minimum, String text) {
        try {
            int value = Integer.parseInt(text.strip().replace("_", ""));
            if (value < minimum) {
                throw new IllegalArgumentException();
            }
            return value;
        } catch (NumberFormatException malformed) {
            throw new IllegalArgumentException();
        }
    }

    /** Parse {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h} or an ISO-8601 duration; it must be positive. */
    /** Returns whether {@code text} asks for fresh statics per execution ({@code fresh}) or shared ones ({@code shared}). */
    static boolean freshStatics(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "fresh" -> true;
            case "shared" -> false;
            default -> throw new IllegalArgumentException();
        };
    }


    static boolean bool(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException();
        };
    }

    /** Parse {@code 0} (no stall) or a positive duration as for {@link #duration}. */
    static Duration stall(String text) {
        return text.strip().equals("0") ? Duration.ZERO : duration(text);
    }

    static Duration duration(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        Duration duration;
        Matcher matcher = SHORT_DURATION.matcher(trimmed);
        try {
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                duration = switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            } else if (trimmed.startsWith("p")) {
                duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } else {
                throw new IllegalArgumentException();
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException malformed) {
            throw new IllegalArgumentException();
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException();
        }
        return duration;
    }

    /** Return whether {@code text} asks for a random seed. */
    static boolean isRandomSeed(String text) {
        return text.strip().equalsIgnoreCase(RANDOM_SEED);
    }

    /** Parse a signed decimal seed or an unsigned hexadecimal one starting with {@code 0x}. */
    static long seed(String text) {
        String trimmed = text.strip().replace("_", "");
        try {
            if (trimmed.startsWith("0x") || trimmed.startsWith("0X")) {
                String digits = trimmed.substring(2);
                if (digits.isEmpty() || digits.startsWith("+") || digits.startsWith("-")) {
                    throw new IllegalArgumentException();
                }
                return Long.parseUnsignedLong(digits, 16);
            }
            return Long.parseLong(trimmed);
        } catch (NumberFormatException malformed) {
            throw new IllegalArgumentException();
        }
    }

    /** Parses a preemption bound: a whole number of at least 1, or {@code none} (unbounded, returned as -1). */
    static int preemptionBound(String text) {
        if (text.strip().equalsIgnoreCase("none")) {
            return -1;
        }
        return count(text);
    }

    /** Parses how many carriers may run executions at once: a count, or {@code auto} for one per processor. */
    static int parallelism(String text) {
        if (text.strip().equalsIgnoreCase("auto")) {
            return Runtime.getRuntime().availableProcessors();
        }
        return count(text);
    }

    /** Parses the interval between progress lines, or {@code off} (returned as zero). */
    static Duration progress(String text) {
        if (text.strip().equalsIgnoreCase("off")) {
            return Duration.ZERO;
        }
        return duration(text);
    }

    /** Parses {@code on} or {@code off}. */
    static boolean onOff(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException();
        };
    }

    /** Parse a strategy by its configuration name, ignoring case. */
    static StrategyKind strategy(String text) {
        for (StrategyKind kind : StrategyKind.values()) {
            if (kind.configName().equalsIgnoreCase(text.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException();
    }

    /** Return the accepted form of a strategy, listing every configuration name. */
    static String strategyForm() {
        List<String> names = new ArrayList<>();
        for (StrategyKind kind : StrategyKind.values()) {
            names.add(kind.configName());
        }
        return "one of " + String.join(", ", names);
    }

    /** Parse {@code fail}, {@code warn} or {@code off}, ignoring case. */
    static RaceMode raceMode(String text) {
        for (RaceMode mode : RaceMode.values()) {
            if (mode.configName().equalsIgnoreCase(text.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException();
    }

    /** Parse {@code fail}, {@code warn} or {@code off}, ignoring case. */
    static LeakMode leakMode(String text) {
        for (LeakMode mode : LeakMode.values()) {
            if (mode.configName().equalsIgnoreCase(text.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException();
    }

    /** Parse comma-separated {@code com.acme.Type.field} names; blanks between commas are ignored. */
    static java.util.Set<String> fields(String text) {
        java.util.Set<String> fields = new java.util.LinkedHashSet<>();
        for (String part : text.split(",")) {
            String field = part.strip();
            if (field.isEmpty()) {
                continue;
            }
            if (!FIELD.matcher(field).matches()) {
                throw new IllegalArgumentException("'" + field + "' is not a class name followed by a field name");
            }
            fields.add(field);
        }
        return java.util.Set.copyOf(fields);
    }

    /** Parse comma-separated class name prefixes; blanks between commas are ignored. */
    static List<String> prefixes(String text) {
        List<String> prefixes = new ArrayList<>();
        for (String part : text.split(",")) {
            String prefix = part.strip();
            if (prefix.isEmpty()) {
                continue;
            }
            if (!PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException();
            }
            prefixes.add(prefix);
        }
        return List.copyOf(prefixes);
    }
}
