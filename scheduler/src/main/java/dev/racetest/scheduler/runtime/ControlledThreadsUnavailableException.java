package dev.racetest.scheduler.runtime;

/** Thrown when this JVM cannot build controlled virtual threads; the message says what to change. */
public final class ControlledThreadsUnavailableException extends RuntimeException {

    public ControlledThreadsUnavailableException(String message) {
        super(message);
    }
}
