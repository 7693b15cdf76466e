package dev.racetest.substitutes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The controlled side of one {@link ControlledForkJoinPool}: every task runs on a new
 * {@link ForkJoinWorker}, which ends with its task, and this class counts the live ones to answer
 * the pool's queries, shutdown and waits.
 *
 * <p>Thread per task instead of {@code parallelism} workers with queues: there are no idle workers to
 * outlive a test and no work stealing to model, and every task may interleave with every other, which
 * is what a pool with enough workers allows. It is more than a pool with fewer workers than tasks
 * allows, so a program that relies on a small parallelism for mutual exclusion can fail here where
 * the JDK happens to hide it.
 *
 * <p>Plain Java, instrumented like user code: the monitor, its waits (on the virtual clock), the
 * thread starts and interrupts below are the scheduler's. State is guarded by {@link #lock}.
 */
final class ForkJoinWorkers {

    /** Numbers the pools of one execution (statics here are fresh per execution): {@code ForkJoinPool-N}. */
    private static final AtomicInteger POOL_NUMBERS = new AtomicInteger();

    private final Object lock = new Object();
    private final String namePrefix;
    private final boolean common;
    private final Thread.UncaughtExceptionHandler handler;
    private int parallelism;
    /** Workers ever started, for their names. */
    private int started;
    /** Workers started and not yet finished, oldest first. */
    private final List<ForkJoinWorker> live = new ArrayList<>();
    private boolean shutdown;
    /** Set by {@code shutdownNow}: running tasks were interrupted. */
    private boolean stopped;

    private ForkJoinWorkers(String namePrefix, boolean common, int parallelism,
                            Thread.UncaughtExceptionHandler handler) {
        this.namePrefix = namePrefix;
        this.common = common;
        this.parallelism = parallelism;
        this.handler = handler;
    }

    /** Return the workers of a pool the user created. */
    static ForkJoinWorkers forPool(int parallelism, Thread.UncaughtExceptionHandler handler) {
        return new ForkJoinWorkers("ForkJoinPool-" + POOL_NUMBERS.incrementAndGet() + "-worker-", false,
                parallelism, handler);
    }

    /** Return the workers of the execution's common pool, which ignores shutdown as the JDK's does. */
    static ForkJoinWorkers forCommonPool(int parallelism) {
        return new ForkJoinWorkers("ForkJoinPool.commonPool-worker-", true, parallelism, null);
    }

    boolean isCommon() {
        return common;
    }

    /**
     * Run {@code task} on a new worker and return the worker.
     *
     * @param submission {@code true} for a submission, which a shut-down pool rejects; {@code false} for a
     *                   {@code fork()}, which the JDK lets a pool's own tasks do until they end
     */
    ForkJoinWorker start(Runnable task, boolean submission) {
        ForkJoinWorker worker;
        synchronized (lock) {
            if (submission && shutdown) {
                throw new RejectedExecutionException("the pool is shut down");
            }
            worker = new ForkJoinWorker(this, namePrefix + ++started, task);
            if (handler != null) {
                worker.setUncaughtExceptionHandler(handler);
            }
            live.add(worker);
        }
        worker.start();
        return worker;
    }

    /** Run {@code task} on a new worker, keeping its result or exception in the task. */
    ForkJoinWorker start(ForkJoinTask<?> task, boolean submission) {
        return start(() -> run(task), submission);
    }

    /**
     * Run a task once, as a JDK worker does, without waiting for a completion that comes from elsewhere.
     *
     * <p>{@code doExec()}, which the JDK uses, is not public. {@code quietlyInvoke()} does the same for
     * tasks that complete when their {@code exec()} returns ({@code RecursiveTask}, {@code RecursiveAction},
     * adapted callables and runnables); a {@code CountedCompleter} completes only through its root, and
     * a {@code CompletableFuture} step never completes as a task, so those run their public body instead.
     * Other direct {@code ForkJoinTask} subclasses whose {@code exec()} returns {@code false} keep their
     * worker until something completes them.
     */
    static void run(ForkJoinTask<?> task) {
        if (task instanceof CompletableFuture.AsynchronousCompletionTask && task instanceof Runnable step) {
            step.run();
        } else if (task instanceof CountedCompleter<?> completer) {
            if (!completer.isDone()) {
                try {
                    completer.compute();
                } catch (Throwable failure) {
                    completer.completeExceptionally(failure);
                }
            }
        } else {
            task.quietlyInvoke();
        }
    }

    void finished(ForkJoinWorker worker) {
        try {
            synchronized (lock) {
                live.remove(worker);
                lock.notifyAll();
            }
        } catch (Error unwinding) {
            // The execution is being unwound (its scheduling points throw): forget the worker anyway, so
            // that a pool outliving the execution (racetest.statics=shared) does not count it forever.
            // Safe unsynchronised: unwinding threads run one at a time, and nothing else runs.
            live.remove(worker);
            throw unwinding;
        }
    }

    // ---- queries ----

    int parallelism() {
        synchronized (lock) {
            return parallelism;
        }
    }

    int setParallelism(int size) {
        if (size < 1 || size > 0x7fff) {
            throw new IllegalArgumentException();
        }
        synchronized (lock) {
            int previous = parallelism;
            parallelism = size;
            return previous;
        }
    }

    /** Return the number of live workers, which is the number of tasks running. */
    int liveCount() {
        synchronized (lock) {
            return live.size();
        }
    }

    boolean isShutdown() {
        synchronized (lock) {
            return shutdown;
        }
    }

    boolean isTerminated() {
        synchronized (lock) {
            return shutdown && live.isEmpty();
        }
    }

    boolean isTerminating() {
        synchronized (lock) {
            return stopped && !live.isEmpty();
        }
    }

    /** Return the pool's state as the JDK's {@code toString} names it. */
    String level() {
        synchronized (lock) {
            if (shutdown && live.isEmpty()) {
                return "Terminated";
            }
            return stopped ? "Terminating" : shutdown ? "Shutting down" : "Running";
        }
    }

    // ---- shutdown and waiting ----

    void shutdown() {
        if (common) {
            return;
        }
        synchronized (lock) {
            shutdown = true;
            lock.notifyAll();
        }
    }

    List<Runnable> shutdownNow() {
        if (common) {
            return Collections.emptyList();
        }
        synchronized (lock) {
            shutdown = true;
            stopped = true;
            for (ForkJoinWorker worker : live) {
                worker.interrupt();
            }
            lock.notifyAll();
        }
        return Collections.emptyList();
    }

    /** Wait until the pool has terminated or {@code nanos} have passed on the virtual clock. */
    boolean awaitTermination(long nanos) throws InterruptedException {
        if (common) {
            awaitQuiescence(nanos, true);
            return false; // the JDK's common pool waits for quiescence, and never terminates
        }
        long deadline = System.nanoTime() + nanos;
        synchronized (lock) {
            while (!(shutdown && live.isEmpty())) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                waitNanos(lock, remaining);
            }
            return true;
        }
    }

    /**
     * Wait until no task runs but the caller's own, or {@code nanos} have passed; an uninterruptible wait
     * keeps an interrupt for afterwards, as the JDK's {@code awaitQuiescence} does.
     */
    boolean awaitQuiescence(long nanos, boolean interruptible) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        boolean interrupted = false;
        try {
            synchronized (lock) {
                while (!(live.isEmpty() || live.size() == 1 && live.contains(Thread.currentThread()))) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        return false;
                    }
                    try {
                        waitNanos(lock, remaining);
                    } catch (InterruptedException e) {
                        if (interruptible) {
                            throw e;
                        }
                        interrupted = true;
                    }
                }
                return true;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Shut down and wait until every task has ended, as {@code ForkJoinPool.close()} does: an interrupt
     * turns the shutdown into {@code shutdownNow()} and is kept for afterwards.
     */
    void close() {
        if (common) {
            return;
        }
        shutdown();
        boolean interrupted = false;
        synchronized (lock) {
            while (!live.isEmpty()) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    if (!interrupted) {
                        interrupted = true;
                        shutdownNow();
                    }
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Wait until {@code task}, which only a worker of this pool completes, is done; when {@code timed},
     * give up at {@code deadline} on the virtual clock and return {@code false}.
     */
    boolean awaitDone(ForkJoinTask<?> task, boolean timed, long deadline) throws InterruptedException {
        synchronized (lock) {
            while (!task.isDone()) {
                if (!timed) {
                    lock.wait();
                } else {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        return false;
                    }
                    waitNanos(lock, remaining);
                }
            }
            return true;
        }
    }

    /** {@code monitor.wait} for a positive number of nanoseconds, written out so that it is rewritten. */
    static void waitNanos(Object monitor, long nanos) throws InterruptedException {
        monitor.wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }
}
