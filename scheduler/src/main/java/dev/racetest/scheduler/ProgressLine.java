package dev.racetest.scheduler;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints how a long exploration is going: in a terminal one line rewritten in place, in a CI log (no
 * console) a line at each interval. Short runs print nothing: the first line comes after one interval.
 */
final class ProgressLine {

    private final String name;
    private final long intervalNanos;
    private final boolean terminal;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private long nextNanos;
    private boolean printed;

    ProgressLine(String name, Duration interval) {
        this(name, interval, System.console() != null, System.err);
    }

    ProgressLine(String name, Duration interval, boolean terminal, PrintStream out) {
        this.name = name;
        this.intervalNanos = interval.toNanos();
        this.terminal = terminal;
        this.out = out;
        this.nextNanos = startNanos + (terminal ? Math.min(intervalNanos, 2_000_000_000L) : intervalNanos);
    }

    /**
     * Returns whether a line is due: cheap to ask after every execution, so the figures are only
     * gathered (for DPOR, an estimate over its whole tree) when one will be printed.
     */
    boolean due() {
        return intervalNanos != 0 && System.nanoTime() - nextNanos >= 0;
    }

    /** Prints a line with {@code figures}, and waits an interval before the next one is due. */
    void show(Statistics figures) {
        long now = System.nanoTime();
        nextNanos = now + (terminal ? Math.min(intervalNanos, 1_000_000_000L) : intervalNanos);
        String line = format(figures, Duration.ofNanos(now - startNanos));
        if (terminal) {
            out.print("\r" + line + "\u001B[K");
        } else {
            out.println(line);
        }
        out.flush();
        printed = true;
    }

    /** Ends the in-place line in a terminal, so the next output starts on a fresh line. */
    void finish() {
        if (printed && terminal) {
            out.println();
        }
    }

    String format(Statistics figures, Duration elapsed) {
        StringBuilder line = new StringBuilder("racetest ").append(name).append(": ")
                .append(String.format(Locale.ROOT, "%,d executions (%,.0f/s), %,d distinct",
                        figures.executions(), figures.executionsPerSecond(), figures.distinctInterleavings()));
        if (!Double.isNaN(figures.fractionDone()) && figures.fractionDone() > 0) {
            double fraction = Math.min(1, figures.fractionDone());
            line.append(String.format(Locale.ROOT, ", ~%.1f%% of the space", 100 * fraction));
            long etaSeconds = (long) (elapsed.toSeconds() * (1 - fraction) / fraction);
            line.append(", ETA ").append(human(Duration.ofSeconds(etaSeconds)));
        } else if (!Double.isNaN(figures.coveredShare())) {
            line.append(String.format(Locale.ROOT, ", %.0f%% of new executions repeat an earlier interleaving",
                    100 * figures.coveredShare()));
        }
        return line.append(", ").append(human(elapsed)).append(" elapsed").toString();
    }

    private static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
        }
        return seconds / 3600 + "h" + String.format(Locale.ROOT, "%02d", seconds % 3600 / 60) + "m";
    }
}
