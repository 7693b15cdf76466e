package dev.racetest.scheduler;

import java.util.HashMap;
import java.util.Map;

/** Collects {@link Statistics} while executions run; confined to the exploring thread. */
final class RunStatistics {

    private final long startNanos = System.nanoTime();
    /** How many executions followed each interleaving, by its hash. */
    private final Map<Long, Integer> interleavings = new HashMap<>();
    private int seenOnce;
    private int executions;
    private int abandoned;
    private int maxSteps;
    private long totalSteps;
    private int maxThreads;

    void executionEnded(boolean wasAbandoned, long interleavingHash, int steps, int threads) {
        executions++;
        totalSteps += steps;
        maxSteps = Math.max(maxSteps, steps);
        maxThreads = Math.max(maxThreads, threads);
        if (wasAbandoned) {
            abandoned++;
            return;
        }
        int times = interleavings.merge(interleavingHash, 1, Integer::sum);
        if (times == 1) {
            seenOnce++;
        } else if (times == 2) {
            seenOnce--;
        }
    }

    int executions() {
        return executions;
    }

    int distinctInterleavings() {
        return interleavings.size();
    }

    double executionsPerSecond() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return seconds <= 0 ? 0 : executions / seconds;
    }

    /**
     * Returns the figures so far; {@code fractionDone} comes from an exhaustive strategy (NaN for a
     * sampling one, which gets the coverage estimate instead).
     */
    Statistics snapshot(boolean exhaustive, double fractionDone) {
        int counted = executions - abandoned;
        double covered = exhaustive || counted == 0 ? Double.NaN : 1.0 - (double) seenOnce / counted;
        return new Statistics(executions, abandoned, interleavings.size(), maxSteps,
                executions == 0 ? 0 : (double) totalSteps / executions, maxThreads, executionsPerSecond(),
                covered, exhaustive ? fractionDone : Double.NaN);
    }
}
