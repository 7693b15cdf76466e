package dev.racetest.scheduler;

import java.time.Duration;
import java.util.List;
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
 * @param leakWarning           when leaks only warn ({@link LeakMode#WARN}), the first leak of the run
 * @param storedReplays         what became of each {@linkplain StoredSchedules stored schedule} replayed first,
 *                              in execution order (the last one may be the failure)
 */
public record ExplorationResult(int executions, int distinctInterleavings, long seed, Duration elapsed,
                                StopReason stopReason, Optional<Failure> failure, Statistics statistics,
                                Optional<Outcome.DataRace> raceWarning, Optional<Outcome.LeakedThreads> leakWarning,
                                List<StoredReplay> storedReplays) {

    public ExplorationResult {
        storedReplays = List.copyOf(storedReplays);
    }

    /** A result with no leak warning and no stored schedules replayed. */
    public ExplorationResult(int executions, int distinctInterleavings, long seed, Duration elapsed,
                             StopReason stopReason, Optional<Failure> failure, Statistics statistics,
                             Optional<Outcome.DataRace> raceWarning) {
        this(executions, distinctInterleavings, seed, elapsed, stopReason, failure, statistics, raceWarning,
                Optional.empty(), List.of());
    }

    /** A result with no race warning. */
    public ExplorationResult(int executions, int distinctInterleavings, long seed, Duration elapsed,
                             StopReason stopReason, Optional<Failure> failure, Statistics statistics) {
        this(executions, distinctInterleavings, seed, elapsed, stopReason, failure, statistics, Optional.empty());
    }

    /** Returns this result carrying {@code warning} as its race warning. */
    public ExplorationResult withRaceWarning(Optional<Outcome.DataRace> warning) {
        return new ExplorationResult(executions, distinctInterleavings, seed, elapsed, stopReason, failure, statistics,
                warning, leakWarning, storedReplays);
    }

    /** Returns this result carrying {@code warning} as its leak warning. */
    public ExplorationResult withLeakWarning(Optional<Outcome.LeakedThreads> warning) {
        return new ExplorationResult(executions, distinctInterleavings, seed, elapsed, stopReason, failure, statistics,
                raceWarning, warning, storedReplays);
    }

    /** Returns this result saying what became of the stored schedules replayed first. */
    public ExplorationResult withStoredReplays(List<StoredReplay> replays) {
        return new ExplorationResult(executions, distinctInterleavings, seed, elapsed, stopReason, failure, statistics,
                raceWarning, leakWarning, replays);
    }

    /** Returns whether the failure, if any, came from a stored schedule rather than from exploring. */
    public boolean failedInStoredReplay() {
        return failure.isPresent() && failure.get().executionIndex() < storedReplays.size();
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
        /** A replay ran its single execution, or only stored schedules ran (none of them failed). */
        REPLAYED,
        /** The strategy had nothing left to explore. */
        EXHAUSTED
    }
}
