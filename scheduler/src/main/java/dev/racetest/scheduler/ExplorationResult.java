package dev.racetest.scheduler;

import java.time.Duration;
import java.util.Optional;

/**
 * What exploring one test found.
 *
 * @param executions            how many executions ran
 * @param distinctInterleavings how many of them followed different schedules
 * @param seed                  the run's seed
 * @param elapsed               wall time spent
 * @param stopReason            why exploration stopped
 * @param failure               the first failing execution, if any
 * @param statistics            figures about the run
 * @param raceWarning           when races only warn ({@link RaceMode#WARN}), the first data race of the run
 */
public record ExplorationResult(int executions, int distinctInterleavings, long seed, Duration elapsed,
                                StopReason stopReason, Optional<Failure> failure, Statistics statistics,
                                Optional<Outcome.DataRace> raceWarning) {

    /** A result with no race warning. */
    public ExplorationResult(int executions, int distinctInterleavings, long seed, Duration elapsed,
                             StopReason stopReason, Optional<Failure> failure, Statistics statistics) {
        this(executions, distinctInterleavings, seed, elapsed, stopReason, failure, statistics, Optional.empty());
    }

    /** Returns this result carrying {@code warning} as its race warning. */
    public ExplorationResult withRaceWarning(Optional<Outcome.DataRace> warning) {
        return new ExplorationResult(executions, distinctInterleavings, seed, elapsed, stopReason, failure, statistics,
                warning);
    }

    /**
     * Returns whether the run proves the test passes every interleaving (within the step bound): an
     * exhaustive strategy ran out of interleavings without a failure.
     */
    public boolean complete() {
        return stopReason == StopReason.EXHAUSTED && failure.isEmpty();
    }

    /** Why an exploration stopped. */
    public enum StopReason {
        /** A failing execution was found. */
        FAILURE_FOUND,
        /** The configured number of executions ran without a failure. */
        EXECUTION_BUDGET,
        /** The time budget ran out before the execution budget. */
        TIME_BUDGET,
        /** A replay ran its single execution. */
        REPLAYED,
        /** The strategy had nothing left to explore. */
        EXHAUSTED
    }
}
