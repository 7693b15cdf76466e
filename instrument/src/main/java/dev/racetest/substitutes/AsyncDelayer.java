package dev.racetest.substitutes;

import dev.racetest.instrument.hooks.AsyncTimeoutHooks;
import java.util.concurrent.CompletableFuture;

/**
 * A controlled daemon thread that stands in for the JDK's delay scheduler for one delayed action of
 * {@code CompletableFuture}: it sleeps until its deadline on the virtual clock, then completes a
 * future (a timeout) or runs a task (a delayed executor), unless it is {@linkplain #cancel() cancelled}
 * first, which interrupts it.
 *
 * <p>Two steps make it behave like the JDK's timer, which is armed before {@code orTimeout} returns and
 * acts in JDK code, atomically. {@link #start} returns only once the delayer is about to sleep: it
 * tells the starter under a monitor, and from there to its sleep nothing is a scheduling point (final
 * fields and an uninstrumented call), so no sleep that begins after {@code orTimeout} can end before
 * the timeout's. And the sleep and the completion happen in {@link AsyncTimeoutHooks}, with no
 * scheduling point between them. The deadline counts from the call of {@code start}, as the JDK's does.
 * Named like the JDK thread it replaces, since the completion (and what depends on it) runs on it.
 */
final class AsyncDelayer extends Thread {

    private final Object lock = new Object();
    /** On the virtual {@code System.nanoTime()} clock; compared by difference, so overflow is harmless. */
    private final long deadline;
    /** The future a timeout completes, or {@code null} for a delayed task. */
    private final CompletableFuture<Object> future;
    private final boolean exceptionally;
    private final Object value;
    /** The task to run after the delay, or {@code null} for a timeout. */
    private final Runnable task;
    private boolean armed;

    private AsyncDelayer(long delayNanos, CompletableFuture<Object> future, boolean exceptionally, Object value,
                         Runnable task) {
        super("ForkJoinPool.commonPool-delayScheduler");
        this.deadline = System.nanoTime() + Math.max(0, delayNanos);
        this.future = future;
        this.exceptionally = exceptionally;
        this.value = value;
        this.task = task;
        setDaemon(true);
    }

    /**
     * Start a delayer that completes {@code future} after {@code delayNanos}: exceptionally with a
     * {@code TimeoutException}, or with {@code value}; it has nothing to do once the future is done.
     */
    @SuppressWarnings("unchecked")
    static <T> AsyncDelayer completing(CompletableFuture<T> future, long delayNanos, boolean exceptionally, T value) {
        return started(new AsyncDelayer(delayNanos, (CompletableFuture<Object>) future, exceptionally, value, null));
    }

    /** Start a delayer that runs {@code task} after {@code delayNanos}. */
    static AsyncDelayer running(Runnable task, long delayNanos) {
        return started(new AsyncDelayer(delayNanos, null, false, null, task));
    }

    private static AsyncDelayer started(AsyncDelayer delayer) {
        delayer.start();
        boolean interrupted = false;
        synchronized (delayer.lock) {
            while (!delayer.armed) {
                try {
                    delayer.lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the JDK's orTimeout cannot be interrupted either
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return delayer;
    }

    @Override
    public void run() {
        synchronized (lock) {
            armed = true;
            lock.notifyAll();
        }
        if (task == null) {
            AsyncTimeoutHooks.completeAt(deadline, future, exceptionally, value);
        } else if (AsyncTimeoutHooks.sleepUntil(deadline)) {
            task.run();
        }
    }

    /** Stop the delayer before it acts; a no-op once it has, and from its own thread. */
    void cancel() {
        if (Thread.currentThread() != this) {
            interrupt();
        }
    }
}
