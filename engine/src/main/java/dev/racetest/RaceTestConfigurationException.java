package dev.racetest;

/**
 * Fail a {@link RaceTest} that racetest cannot run as written or configured: an invalid method
 * signature, an unusable test class, a malformed configuration value, a class that cannot be
 * instrumented, or a JVM that cannot run controlled threads.
 *
 * <p>The message is one sentence that names the problem and says where to fix it. The exception has
 * no stack trace, because the problem is in the test's declaration or configuration, not in code
 * that ran; only a failure to instrument a class keeps that failure as its cause, for a bug report.
 *
 * <p>Created by the racetest engine; tests do not throw it themselves.
 */
public final class RaceTestConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Create an exception with the one-sentence {@code message} and no cause. */
    public RaceTestConfigurationException(String message) {
        super(message, null, false, false);
    }

    /** Create an exception with the one-sentence {@code message}, keeping {@code cause} for a bug report. */
    public RaceTestConfigurationException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
