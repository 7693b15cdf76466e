package dev.racetest.substitutes;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The controlled implementation of a {@link ControlledScheduledExecutor}: its delay queue, its worker
 * threads and its life cycle, written with a monitor, {@code wait(timeout)} and {@code System.nanoTime()}
 * so that, instrumented, every wait for a due task runs on the execution's virtual clock.
 *
 * <p>The semantics are the JDK's {@code ScheduledThreadPoolExecutor}'s: up to {@code corePoolSize}
 * workers started on demand (at least one while tasks are queued), a queue ordered by trigger time,
 * the shutdown policies for delayed and periodic tasks, removal on cancel when asked, workers beyond
 * the core size (or all of them, with core thread time-out) ending after the keep-alive time idle,
 * the states running, shutdown, stop, terminated. Workers are made by the executor's thread factory and
 * started with {@code start()} here, which makes them controlled threads; one clears its interrupt
 * status before each task, as the JDK's do, unless the executor is stopping.
 *
 * <p>Thread safe: all mutable state is guarded by {@code lock}, and every change a waiting worker or
 * {@code awaitTermination} could be waiting for is followed by {@code notifyAll}.
 */
final class ScheduledWorkers {

    private static final int RUNNING = 0;
    private static final int SHUTDOWN = 1;
    private static final int STOP = 2;
    private static final int TERMINATED = 3;

    private final ControlledScheduledExecutor executor;
    private final Object lock = new Object();
    private final AtomicLong sequence = new AtomicLong();
    /** Due first at the head; ties in scheduling order. Guarded by lock. */
    private final PriorityQueue<ScheduledTask<?>> queue = new PriorityQueue<>();
    /** The threads of live workers, in start order. Guarded by lock. */
    private final List<Thread> workers = new ArrayList<>();
    /** Only ever increases; TERMINATED once stopping (or shut down with nothing queued) and no worker is left. */
    private int state = RUNNING;
    private int active;
    private int largestPoolSize;
    private long completedTasks;

    ScheduledWorkers(ControlledScheduledExecutor executor) {
        this.executor = executor;
    }

    long nextSequenceNumber() {
        return sequence.getAndIncrement();
    }

    boolean removeOnCancel() {
        return executor.getRemoveOnCancelPolicy();
    }

    // ---- scheduling ----

    /** Queue {@code task}, or hand it to the rejection handler when shut down; return it. */
    <T extends ScheduledTask<?>> T delayedExecute(T task) {
        synchronized (lock) {
            if (state == RUNNING) {
                queue.add(task);
                ensureWorker();
                lock.notifyAll();
                return task;
            }
        }
        executor.getRejectedExecutionHandler().rejectedExecution(task, executor);
        return task;
    }

    /** Queue a periodic task again after a run, unless the state no longer lets it run. */
    void reExecutePeriodic(ScheduledTask<?> task) {
        synchronized (lock) {
            if (canRunInCurrentState(task)) {
                queue.add(task);
                ensureWorker();
                lock.notifyAll();
                return;
            }
        }
        task.cancel(false);
    }

    boolean canRunInCurrentState(ScheduledTask<?> task) {
        synchronized (lock) {
            return switch (state) {
                case RUNNING -> true;
                case SHUTDOWN -> task.isPeriodic()
                        ? executor.getContinueExistingPeriodicTasksAfterShutdownPolicy()
                        : executor.getExecuteExistingDelayedTasksAfterShutdownPolicy()
                                || task.getDelay(TimeUnit.NANOSECONDS) <= 0;
                default -> false;
            };
        }
    }

    boolean remove(Runnable task) {
        synchronized (lock) {
            boolean removed = queue.remove(task);
            tryTerminate();
            lock.notifyAll();
            return removed;
        }
    }

    void purge() {
        synchronized (lock) {
            queue.removeIf(ScheduledTask::isCancelled);
            tryTerminate();
            lock.notifyAll();
        }
    }

    // ---- workers ----

    /** Start a worker when fewer than the core size run, or none does; called with the lock held. */
    private void ensureWorker() {
        int count = workers.size();
        if (count < executor.getCorePoolSize() || count == 0) {
            addWorker();
        }
    }

    /** Called with the lock held; the new worker waits for it before it looks at the queue. */
    private boolean addWorker() {
        Thread thread = executor.getThreadFactory().newThread(this::work);
        if (thread == null) {
            return false; // as the JDK's pools: a factory that makes no thread means no worker
        }
        workers.add(thread);
        largestPoolSize = Math.max(largestPoolSize, workers.size());
        thread.start();
        return true;
    }

    boolean prestartCoreThread() {
        synchronized (lock) {
            return state < STOP && workers.size() < executor.getCorePoolSize() && addWorker();
        }
    }

    int prestartAllCoreThreads() {
        synchronized (lock) {
            int started = 0;
            while (state < STOP && workers.size() < executor.getCorePoolSize() && addWorker()) {
                started++;
            }
            return started;
        }
    }

    /** Start workers for queued tasks up to a raised core size, and let idle ones re-read their limits. */
    void sizingChanged() {
        synchronized (lock) {
            int wanted = Math.min(executor.getCorePoolSize(), queue.size());
            while (state < STOP && workers.size() < wanted && addWorker()) {
                // one more worker for a queued task
            }
            lock.notifyAll();
        }
    }

    /** The body of every worker thread. */
    private void work() {
        try {
            for (ScheduledTask<?> task = nextTask(); task != null; task = nextTask()) {
                try {
                    task.run();
                } finally {
                    synchronized (lock) {
                        active--;
                        completedTasks++;
                    }
                }
            }
        } finally {
            workerDone(Thread.currentThread());
        }
    }

    /**
     * Wait until a task is due and return it, or return {@code null} when this worker should end:
     * the executor stops, is shut down with nothing queued, or this worker idled past its keep-alive.
     */
    private ScheduledTask<?> nextTask() {
        synchronized (lock) {
            long idleSince = System.nanoTime();
            while (true) {
                if (state >= STOP || (state == SHUTDOWN && queue.isEmpty())) {
                    return null;
                }
                ScheduledTask<?> head = queue.peek();
                long delay = head == null ? Long.MAX_VALUE : head.getDelay(TimeUnit.NANOSECONDS);
                if (delay <= 0) {
                    queue.poll();
                    active++;
                    // Under the lock, so that an interrupt from shutdownNow() after this is kept for the task.
                    Thread.interrupted();
                    return head;
                }
                boolean timed = executor.allowsCoreThreadTimeOut() || workers.size() > executor.getCorePoolSize();
                long keepAlive = executor.getKeepAliveTime(TimeUnit.NANOSECONDS);
                long idle = System.nanoTime() - idleSince;
                if (timed && idle >= keepAlive && (workers.size() > 1 || queue.isEmpty())) {
                    return null;
                }
                long wait = timed && idle < keepAlive ? Math.min(delay, keepAlive - idle) : delay;
                try {
                    if (wait == Long.MAX_VALUE) {
                        lock.wait();
                    } else {
                        lock.wait(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                } catch (InterruptedException e) {
                    // From shutdownNow(), or meant for a task already done: look again, idle afresh.
                    idleSince = System.nanoTime();
                }
            }
        }
    }

    private void workerDone(Thread worker) {
        synchronized (lock) {
            workers.remove(worker);
            // A worker that ended abruptly is replaced while tasks wait, as the JDK's pools do.
            if (state < STOP && !queue.isEmpty() && workers.isEmpty()) {
                addWorker();
            }
            tryTerminate();
        }
    }

    // ---- life cycle ----

    void shutdown() {
        synchronized (lock) {
            if (state == RUNNING) {
                state = SHUTDOWN;
            }
            applyShutdownPolicies();
        }
    }

    /** Drop the queued tasks the shutdown policies say not to run; called on shutdown and on a policy change. */
    void applyShutdownPolicies() {
        synchronized (lock) {
            if (state == RUNNING) {
                return;
            }
            boolean keepDelayed = executor.getExecuteExistingDelayedTasksAfterShutdownPolicy();
            boolean keepPeriodic = executor.getContinueExistingPeriodicTasksAfterShutdownPolicy();
            for (ScheduledTask<?> task : queue.toArray(new ScheduledTask<?>[0])) {
                boolean drop = task.isPeriodic()
                        ? !keepPeriodic
                        : !keepDelayed && task.getDelay(TimeUnit.NANOSECONDS) > 0;
                if ((drop || task.isCancelled()) && queue.remove(task)) {
                    task.cancel(false);
                }
            }
            tryTerminate();
            lock.notifyAll();
        }
    }

    List<Runnable> shutdownNow() {
        List<Runnable> drained = new ArrayList<>();
        synchronized (lock) {
            if (state < STOP) {
                state = STOP;
            }
            for (Thread worker : List.copyOf(workers)) {
                worker.interrupt();
            }
            while (!queue.isEmpty()) {
                drained.add(queue.poll());
            }
            tryTerminate();
            lock.notifyAll();
        }
        return drained;
    }

    /** Called with the lock held. */
    private void tryTerminate() {
        boolean drained = state == STOP || (state == SHUTDOWN && queue.isEmpty());
        if (drained && workers.isEmpty()) {
            state = TERMINATED;
            lock.notifyAll();
        }
    }

    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
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

    // ---- queries ----

    boolean isShutdown() {
        synchronized (lock) {
            return state >= SHUTDOWN;
        }
    }

    boolean isTerminating() {
        synchronized (lock) {
            return state == SHUTDOWN || state == STOP;
        }
    }

    boolean isTerminated() {
        synchronized (lock) {
            return state == TERMINATED;
        }
    }

    /** Return the queued tasks, due first, in a queue of their own: changing it changes nothing here. */
    BlockingQueue<Runnable> queueSnapshot() {
        synchronized (lock) {
            List<ScheduledTask<?>> tasks = new ArrayList<>(queue);
            tasks.sort(null);
            return new LinkedBlockingQueue<>(tasks);
        }
    }

    int poolSize() {
        synchronized (lock) {
            return state == TERMINATED ? 0 : workers.size();
        }
    }

    int activeCount() {
        synchronized (lock) {
            return active;
        }
    }

    int largestPoolSize() {
        synchronized (lock) {
            return largestPoolSize;
        }
    }

    long taskCount() {
        synchronized (lock) {
            return completedTasks + active + queue.size();
        }
    }

    long completedTaskCount() {
        synchronized (lock) {
            return completedTasks;
        }
    }

    /** Return the bracketed summary the JDK's {@code toString} ends with. */
    String describe() {
        synchronized (lock) {
            String runState = switch (state) {
                case RUNNING -> "Running";
                case TERMINATED -> "Terminated";
                default -> "Shutting down";
            };
            return "[" + runState + ", pool size = " + (state == TERMINATED ? 0 : workers.size())
                    + ", active threads = " + active + ", queued tasks = " + queue.size()
                    + ", completed tasks = " + completedTasks + "]";
        }
    }
}
