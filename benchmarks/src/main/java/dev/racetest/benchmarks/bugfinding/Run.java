package dev.racetest.benchmarks.bugfinding;

import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.Outcome;

/**
 * One exploration of one program with one strategy and one seed.
 *
 * @param seed       the run's seed
 * @param executions executions until the first failure, that one included; when nothing was found, how
 *                   many ran before the budget or the strategy ended
 * @param found      whether a failure was found
 * @param stop       why exploration stopped ({@link ExplorationResult.StopReason} name)
 * @param verdict    what the failure was, such as {@code "AssertionError"} or {@code "Deadlock"}; empty
 *                   when none was found
 * @param millis     wall time of the exploration
 */
record Run(long seed, int executions, boolean found, String stop, String verdict, long millis) {

    static Run of(long seed, ExplorationResult result) {
        String verdict = result.failure().map(failure -> verdict(failure.outcome())).orElse("");
        return new Run(seed, result.executions(), result.failure().isPresent(), result.stopReason().name(), verdict,
                result.elapsed().toMillis());
    }

    /** Returns this run's count for a median: the executions when found, otherwise infinity. */
    double countOrInfinity() {
        return found ? executions : Double.POSITIVE_INFINITY;
    }

    private static String verdict(Outcome outcome) {
        if (outcome instanceof Outcome.ThreadFailed failed) {
            return failed.error().getClass().getSimpleName();
        }
        return outcome.getClass().getSimpleName();
    }
}
