package dev.racetest.scheduler;

import java.util.Objects;

/**
 * What became of one {@linkplain StoredSchedules stored schedule} when it was replayed.
 *
 * @param executionIndex the 0-based number of the execution that replayed it (stored schedules run first)
 * @param schedule       the stored schedule
 * @param outcome        how the replay ended; {@link Outcome.ReplayDiverged} when the program no longer
 *                       follows the schedule, also when it ended before using all of the schedule's decisions
 */
public record StoredReplay(int executionIndex, Schedule schedule, Outcome outcome) {

    public StoredReplay {
        Objects.requireNonNull(schedule, "schedule must not be null");
        Objects.requireNonNull(outcome, "outcome must not be null");
    }

    /** Returns whether the program no longer follows the schedule (the code under test changed). */
    public boolean diverged() {
        return outcome instanceof Outcome.ReplayDiverged;
    }

    /** Returns whether the schedule still makes the test fail. */
    public boolean stillFails() {
        return outcome.isFailure() && !diverged();
    }

    /** Returns whether the schedule was followed to its end and the test passed: the bug is fixed. */
    public boolean passes() {
        return !outcome.isFailure();
    }
}
