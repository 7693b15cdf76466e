package dev.racetest.substitutes;

import dev.racetest.instrument.hooks.Hooks;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Stand in for {@link ScheduledThreadPoolExecutor}: rewritten code creates this class wherever it said
 * {@code new ScheduledThreadPoolExecutor(...)}, with the same constructor arguments.
 *
 * <p>The JDK's executor keeps its delay queue and its clock ({@code System.nanoTime()}) inside the
 * JDK, where neither can be moved to an execution's virtual time, and starts its workers there too. So
 * an instance made on a controlled thread implements the whole public API itself, in
 * {@link ScheduledWorkers}: a delay of an hour takes no real time, and its workers are controlled
 * threads made by the thread factory (by default one like {@code Executors.defaultThreadFactory()},
 * numbered within the execution). The inherited executor then stays idle: it never gets a task and
 * never starts a thread, and it only stores the settings (core size, keep-alive, factory, rejection
 * handler, policies), whose getters and setters are the JDK's. An instance made on any other thread
 * is the JDK's executor: every method delegates to {@code super}.
 *
 * <p>Not covered: subclasses of {@code ScheduledThreadPoolExecutor} written by the user. Their
 * {@code super(...)} calls are left alone, so they remain JDK executors, and their worker threads are
 * reported as threads racetest does not control. {@code decorateTask} is not called (nothing can
 * override it here), and the timed {@code invokeAll}/{@code invokeAny} are the JDK's, built on
 * {@link #execute}, with their time-outs on the real clock.
 */
public final class ControlledScheduledExecutor extends ScheduledThreadPoolExecutor {

    /** The controlled implementation, or {@code null} when made on an uncontrolled thread. */
    private final ScheduledWorkers workers;

    public ControlledScheduledExecutor(int corePoolSize) {
        super(corePoolSize, defaultThreadFactory());
        workers = controlledWorkers();
    }

    public ControlledScheduledExecutor(int corePoolSize, ThreadFactory threadFactory) {
        super(corePoolSize, threadFactory);
        workers = controlledWorkers();
    }

    public ControlledScheduledExecutor(int corePoolSize, RejectedExecutionHandler handler) {
        super(corePoolSize, defaultThreadFactory(), handler);
        workers = controlledWorkers();
    }

    public ControlledScheduledExecutor(int corePoolSize, ThreadFactory threadFactory,
                                       RejectedExecutionHandler handler) {
        super(corePoolSize, threadFactory, handler);
        workers = controlledWorkers();
    }

    /** The factory the JDK constructors without one use, or its per-execution twin when controlled. */
    private static ThreadFactory defaultThreadFactory() {
        return Hooks.boundHandler() == null ? Executors.defaultThreadFactory() : new PoolThreadFactory();
    }

    private ScheduledWorkers controlledWorkers() {
        return Hooks.boundHandler() == null ? null : new ScheduledWorkers(this);
    }

    // ---- scheduling ----

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (workers == null) {
            return super.schedule(command, delay, unit);
        }
        if (command == null || unit == null) {
            throw new NullPointerException();
        }
        return workers.delayedExecute(
                new ScheduledTask<Void>(workers, command, null, ScheduledTask.triggerTime(delay, unit), 0));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        if (workers == null) {
            return super.schedule(callable, delay, unit);
        }
        if (callable == null || unit == null) {
            throw new NullPointerException();
        }
        return workers.delayedExecute(new ScheduledTask<>(workers, callable, ScheduledTask.triggerTime(delay, unit)));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        if (workers == null) {
            return super.scheduleAtFixedRate(command, initialDelay, period, unit);
        }
        if (command == null || unit == null) {
            throw new NullPointerException();
        }
        if (period <= 0L) {
            throw new IllegalArgumentException();
        }
        return workers.delayedExecute(new ScheduledTask<Void>(workers, command, null,
                ScheduledTask.triggerTime(initialDelay, unit), unit.toNanos(period)));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        if (workers == null) {
            return super.scheduleWithFixedDelay(command, initialDelay, delay, unit);
        }
        if (command == null || unit == null) {
            throw new NullPointerException();
        }
        if (delay <= 0L) {
            throw new IllegalArgumentException();
        }
        return workers.delayedExecute(new ScheduledTask<Void>(workers, command, null,
                ScheduledTask.triggerTime(initialDelay, unit), -unit.toNanos(delay)));
    }

    @Override
    public void execute(Runnable command) {
        if (workers == null) {
            super.execute(command);
            return;
        }
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public Future<?> submit(Runnable task) {
        if (workers == null) {
            return super.submit(task);
        }
        return schedule(task, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        if (workers == null) {
            return super.submit(task, result);
        }
        return schedule(Executors.callable(task, result), 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        if (workers == null) {
            return super.submit(task);
        }
        return schedule(task, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean remove(Runnable task) {
        return workers == null ? super.remove(task) : workers.remove(task);
    }

    @Override
    public void purge() {
        if (workers == null) {
            super.purge();
        } else {
            workers.purge();
        }
    }

    // ---- life cycle ----

    @Override
    public void shutdown() {
        if (workers == null) {
            super.shutdown();
        } else {
            workers.shutdown();
        }
    }

    @Override
    public List<Runnable> shutdownNow() {
        return workers == null ? super.shutdownNow() : workers.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return workers == null ? super.isShutdown() : workers.isShutdown();
    }

    @Override
    public boolean isTerminating() {
        return workers == null ? super.isTerminating() : workers.isTerminating();
    }

    @Override
    public boolean isTerminated() {
        return workers == null ? super.isTerminated() : workers.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return workers == null ? super.awaitTermination(timeout, unit) : workers.awaitTermination(timeout, unit);
    }

    /** The JDK's {@code ExecutorService.close()}, written here so that its wait runs on virtual time. */
    @Override
    public void close() {
        if (workers == null) {
            super.close();
            return;
        }
        boolean terminated = isTerminated();
        if (terminated) {
            return;
        }
        shutdown();
        boolean interrupted = false;
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

    // ---- settings that concern running workers ----

    @Override
    public void setContinueExistingPeriodicTasksAfterShutdownPolicy(boolean value) {
        super.setContinueExistingPeriodicTasksAfterShutdownPolicy(value);
        if (workers != null) {
            workers.applyShutdownPolicies();
        }
    }

    @Override
    public void setExecuteExistingDelayedTasksAfterShutdownPolicy(boolean value) {
        super.setExecuteExistingDelayedTasksAfterShutdownPolicy(value);
        if (workers != null) {
            workers.applyShutdownPolicies();
        }
    }

    @Override
    public void setCorePoolSize(int corePoolSize) {
        super.setCorePoolSize(corePoolSize);
        if (workers != null) {
            workers.sizingChanged();
        }
    }

    @Override
    public void setKeepAliveTime(long time, TimeUnit unit) {
        super.setKeepAliveTime(time, unit);
        if (workers != null) {
            workers.sizingChanged();
        }
    }

    @Override
    public void allowCoreThreadTimeOut(boolean value) {
        super.allowCoreThreadTimeOut(value);
        if (workers != null) {
            workers.sizingChanged();
        }
    }

    @Override
    public boolean prestartCoreThread() {
        return workers == null ? super.prestartCoreThread() : workers.prestartCoreThread();
    }

    @Override
    public int prestartAllCoreThreads() {
        return workers == null ? super.prestartAllCoreThreads() : workers.prestartAllCoreThreads();
    }

    // ---- queries ----

    /** Controlled: a snapshot of the queued tasks, due first; changing it does not change the executor. */
    @Override
    public BlockingQueue<Runnable> getQueue() {
        return workers == null ? super.getQueue() : workers.queueSnapshot();
    }

    @Override
    public int getPoolSize() {
        return workers == null ? super.getPoolSize() : workers.poolSize();
    }

    @Override
    public int getActiveCount() {
        return workers == null ? super.getActiveCount() : workers.activeCount();
    }

    @Override
    public int getLargestPoolSize() {
        return workers == null ? super.getLargestPoolSize() : workers.largestPoolSize();
    }

    @Override
    public long getTaskCount() {
        return workers == null ? super.getTaskCount() : workers.taskCount();
    }

    @Override
    public long getCompletedTaskCount() {
        return workers == null ? super.getCompletedTaskCount() : workers.completedTaskCount();
    }

    @Override
    public String toString() {
        if (workers == null) {
            return super.toString();
        }
        return getClass().getName() + "@" + Integer.toHexString(hashCode()) + workers.describe();
    }
}
