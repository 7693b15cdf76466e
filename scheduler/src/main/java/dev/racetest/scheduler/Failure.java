package dev.racetest.scheduler;

import java.util.List;
import java.util.Objects;

/**
 * A failing execution, with everything needed to show and replay it.
 *
 * @param executionIndex the 0-based index of the execution within its run
 * @param executionSeed  the seed of that execution
 * @param outcome        how it failed
 * @param schedule       the choices that reproduce it
 * @param trace          the recorded steps, oldest first (possibly only the last ones)
 * @param totalSteps     how many steps the execution took in all
 * @param replayNote     {@code null} when replaying the schedule reproduced the failure; otherwise why not
 */
public record Failure(int executionIndex, long executionSeed, Outcome outcome, Schedule schedule,
                      List<TraceStep> trace, int totalSteps, String replayNote) {
    public Failure {
        Objects.requireNonNull(outcome, "outcome must not be null");
        Objects.requireNonNull(schedule, "schedule must not be null");
        trace = List.copyOf(trace);
    }
}
