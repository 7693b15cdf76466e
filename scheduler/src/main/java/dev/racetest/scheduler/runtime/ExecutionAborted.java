package dev.racetest.scheduler.runtime;

/**
 * Thrown from a scheduling point to unwind a controlled thread once its execution has ended (a failure
 * was found, a bound was hit, or the threads that remain are being cleaned up).
 *
 * <p>An {@link Error} so that ordinary {@code catch (Exception e)} in user code lets it through;
 * shared and stackless because it carries no information of its own.
 */
final class ExecutionAborted extends Error {

    static final ExecutionAborted INSTANCE = new ExecutionAborted();

    private ExecutionAborted() {
        super("racetest ended this execution; this thread is being unwound", null, false, false);
    }
}
