package dev.racetest.scheduler;

import java.util.List;
import java.util.Objects;

/**
 * Failing schedules remembered from earlier runs of a test (the engine's failure database), which an
 * exploration replays as its first executions, numbered 1 to k, before the strategy's own.
 *
 * <p>A schedule that still fails ends the exploration at once, like any failure; one that passes now
 * or no longer fits the code ({@link Outcome.ReplayDiverged}) is not a failure of the test: the
 * exploration goes on, and {@link ExplorationResult#storedReplays()} says what became of each.
 *
 * @param schedules   the schedules to replay, in this order
 * @param thenExplore whether the strategy explores after them; {@code false}: only the stored schedules
 *                    run (none at all when there are none)
 */
public record StoredSchedules(List<Schedule> schedules, boolean thenExplore) {

    /** Nothing stored: the exploration is the strategy's alone. */
    public static final StoredSchedules NONE = new StoredSchedules(List.of(), true);

    public StoredSchedules {
        schedules = List.copyOf(Objects.requireNonNull(schedules, "schedules must not be null"));
    }
}
