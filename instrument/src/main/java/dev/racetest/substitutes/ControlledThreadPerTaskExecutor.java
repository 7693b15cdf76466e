package dev.racetest.substitutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * An executor that runs each task on a new controlled thread, standing in for the JDK's
 * {@code Executors.newThreadPerTaskExecutor} and {@code newVirtualThreadPerTaskExecutor} on controlled
 * threads.
 *
 * <p>Each task runs on a thread from the factory (the user's, or {@code Thread.ofVirtual().factory()}),
 * started with {@code start()} in this instrumented class, which makes it a controlled thread. The
 * life cycle is the JDK's: running, then shut down (no new tasks; {@code shutdownNow()} also interrupts
 * every task's thread and, having no queue, returns an empty list), then terminated once the last
 * task's thread is done. {@code awaitTermination} and {@code close()} wait with {@code wait(timeout)},
 * which runs on virtual time. Submitted tasks are {@code FutureTask}s run on their own thread, so
 * {@code Future.cancel(true)} interrupts that thread, as with the JDK's.
 *
 * <p>Thread safe: all state is guarded by {@code lock}.
 */
final class ControlledThreadPerTaskExecutor extends AbstractExecutorService {

    private static final int RUNNING = 0;
    private static final int SHUTDOWN = 1;
    private static final int TERMINATED = 2;

    private final ThreadFactory factory;
    private final Object lock = new Object();
    /** The threads of the tasks not yet done, in start order (never iterated by identity hash). Guarded by lock. */
    private final List<Thread> threads = new ArrayList<>();
    /** RUNNING, SHUTDOWN or TERMINATED, only increasing; TERMINATED once shut down with no threads. Guarded by lock. */
    private int state = RUNNING;

    ControlledThreadPerTaskExecutor(ThreadFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory must not be null");
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task must not be null");
        ensureRunning();
        Thread thread = factory.newThread(new TaskRunner(task));
        if (thread == null) {
            throw new RejectedExecutionException("the thread factory " + factory + " made no thread");
        }
        synchronized (lock) {
            ensureRunning();
            threads.add(thread);
            // Started under the lock, so a shutdown cannot come between registering the thread and
            // starting it: it either rejects the task first or waits for its thread.
            thread.start();
        }
    }

    private void ensureRunning() {
        synchronized (lock) {
            if (state != RUNNING) {
                throw new RejectedExecutionException("the executor is shut down");
            }
        }
    }

    @Override
    public void shutdown() {
        synchronized (lock) {
            if (state == RUNNING) {
                state = SHUTDOWN;
                terminateIfDone();
            }
        }
    }

    @Override
    public List<Runnable> shutdownNow() {
        synchronized (lock) {
            shutdown();
            for (Thread thread : List.copyOf(threads)) {
                thread.interrupt();
            }
        }
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        synchronized (lock) {
            return state >= SHUTDOWN;
        }
    }

    @Override
    public boolean isTerminated() {
        synchronized (lock) {
            return state == TERMINATED;
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        synchronized (lock) {
            long start = System.nanoTime();
            long remaining = nanos;
            while (state != TERMINATED) {
                if (remaining <= 0) {
                    return false;
                }
                lock.wait(remaining / 1_000_000, (int) (remaining % 1_000_000));
                remaining = nanos - (System.nanoTime() - start);
            }
            return true;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (state == TERMINATED) {
                return;
            }
        }
        shutdown();
        boolean interrupted = false;
        boolean terminated = false;
        while (!terminated) {
            try {
                terminated = awaitTermination(1L, TimeUnit.DAYS);
            } catch (InterruptedException e) {
                if (!interrupted) {
                    shutdownNow();
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void taskDone(Thread thread) {
        synchronized (lock) {
            threads.remove(thread);
            terminateIfDone();
        }
    }

    /** Called with the lock held. */
    private void terminateIfDone() {
        if (state == SHUTDOWN && threads.isEmpty()) {
            state = TERMINATED;
            lock.notifyAll();
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            String stateName = switch (state) {
                case RUNNING -> "running";
                case SHUTDOWN -> "shutting down";
                default -> "terminated";
            };
            return "ControlledThreadPerTaskExecutor[" + stateName + ", " + threads.size() + " threads]";
        }
    }

    /** Runs one task and then leaves the executor; the thread that runs it is the one user code knows. */
    private final class TaskRunner implements Runnable {
        private final Runnable task;

        TaskRunner(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            try {
                task.run();
            } finally {
                taskDone(Thread.currentThread());
            }
        }
    }
}
