package dev.racetest.scheduler;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a JVM that is being stopped (Ctrl-C, a cancelled CI job) ask a running exhaustive exploration to
 * write its checkpoint before it goes: a shutdown hook raises the request and waits a few seconds for
 * the loop to write at its next execution boundary, the only moment the strategy's state is whole.
 */
final class CheckpointRequests {

    private static final long WAIT_SECONDS = 5;

    private final CountDownLatch written = new CountDownLatch(1);
    private volatile boolean requested;
    private final Thread hook = new Thread(this::requestAndWait, "racetest-checkpoint-on-exit");

    private CheckpointRequests() {
    }

    static CheckpointRequests install() {
        CheckpointRequests requests = new CheckpointRequests();
        try {
            Runtime.getRuntime().addShutdownHook(requests.hook);
        } catch (IllegalStateException shuttingDown) {
            requests.requested = true; // the JVM is already stopping: write at the first boundary
        }
        return requests;
    }

    /** Whether a checkpoint should be written at this boundary. */
    boolean requested() {
        return requested;
    }

    /** Says a requested checkpoint was written. */
    void written() {
        if (requested) {
            written.countDown();
        }
    }

    void uninstall() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            written.countDown(); // the loop ended while the JVM stops: do not keep the hook waiting
        }
    }

    private void requestAndWait() {
        requested = true;
        try {
            written.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
