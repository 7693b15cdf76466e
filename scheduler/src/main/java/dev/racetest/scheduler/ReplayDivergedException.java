package dev.racetest.scheduler;

/**
 * Thrown by a strategy that follows a fixed {@link Schedule} when the program no longer offers the
 * choice the schedule recorded; the runtime turns it into {@link Outcome.ReplayDiverged}.
 */
public final class ReplayDivergedException extends RuntimeException {

    public ReplayDivergedException(String message) {
        super(message, null, false, false);
    }
}
