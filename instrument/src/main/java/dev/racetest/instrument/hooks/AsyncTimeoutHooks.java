package dev.racetest.instrument.hooks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * The delay of {@code CompletableFuture}'s timeouts and delayed executor, for the controlled delayer
 * threads of {@code dev.racetest.substitutes} (which call this class; rewritten code does not).
 *
 * <p>Uninstrumented on purpose. The JDK's delay scheduler completes a timed-out future in JDK code,
 * which racetest runs as one step; here too the timed sleep ends and the future is completed with no
 * scheduling point in between, so no other thread's later timeout can expire first. Were this code
 * instrumented, every field read and library call between the wake-up and the completion would be a
 * point at which the scheduler could let an hour-long sleep elsewhere end before a one-second timeout
 * took effect.
 */
public final class AsyncTimeoutHooks {

    /** The one site of these sleeps: they stand for the JDK's delay scheduler, not for a line of user code. */
    private static final int SITE = SyncSites.register(SyncPointKind.THREAD_SLEEP,
            CompletableFuture.class.getName(), "delayScheduler", null, -1, "CompletableFuture delay").id();

    private AsyncTimeoutHooks() {
    }

    /**
     * Sleep until {@code deadline} on the calling thread's {@code System.nanoTime()} clock.
     *
     * @return {@code true} when the deadline has passed; {@code false} when the thread was interrupted,
     *         which is how a delayer is cancelled
     */
    public static boolean sleepUntil(long deadline) {
        SyncPointHandler handler = Hooks.handler(SITE);
        for (long remaining; (remaining = deadline - handler.nanoTime()) > 0; ) {
            try {
                handler.threadSleep(remaining, SITE);
            } catch (InterruptedException cancelled) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sleep until {@code deadline}, then, unless interrupted first or the future is done, complete it in
     * the same step: exceptionally with a {@code TimeoutException} ({@code orTimeout}) or with
     * {@code value} ({@code completeOnTimeout}), as the JDK's timeout action does.
     */
    public static <T> void completeAt(long deadline, CompletableFuture<T> future, boolean exceptionally, T value) {
        if (!sleepUntil(deadline) || future.isDone()) {
            return;
        }
        if (exceptionally) {
            future.completeExceptionally(new TimeoutException());
        } else {
            future.complete(value);
        }
    }
}
