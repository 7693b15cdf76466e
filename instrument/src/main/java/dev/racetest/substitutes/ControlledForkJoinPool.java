package dev.racetest.substitutes;

import dev.racetest.instrument.hooks.Hooks;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Stand in for {@code new ForkJoinPool(...)} and, per execution, for {@code ForkJoinPool.commonPool()}.
 *
 * <p>The JDK's workers are platform threads it creates itself, so a real pool can never run a
 * controlled thread. Rewritten code constructs this subclass instead (every public constructor of
 * {@code ForkJoinPool} has its twin here; a user's own subclass keeps the real superclass and stays
 * uncontrolled). Constructed on a controlled thread, it runs every task on a new controlled
 * {@link ForkJoinWorker} (see {@link ForkJoinWorkers}) and answers the pool's queries, shutdown and
 * waits from those, on the virtual clock; its real superclass never gets a task, so it never starts a
 * thread. Constructed anywhere else, every method is the JDK's.
 *
 * <p>Left to the JDK even on a controlled thread: the delayed tasks that {@code ForkJoinPool} runs as a
 * {@code ScheduledExecutorService} since JDK 25 ({@code schedule}, {@code scheduleAtFixedRate},
 * {@code scheduleWithFixedDelay}, {@code submitWithTimeout}), which therefore run on the JDK's threads
 * and are reported as uncontrolled. {@code getClass()} names this class; {@code toString()} names
 * {@code ForkJoinPool}, as the JDK's does.
 */
public class ControlledForkJoinPool extends ForkJoinPool {

    /** {@code null} when the pool was constructed on an uncontrolled thread: then it is the JDK's pool. */
    private final ForkJoinWorkers workers;

    public ControlledForkJoinPool() {
        super();
        this.workers = controlledWorkers(super.getParallelism(), null);
    }

    public ControlledForkJoinPool(int parallelism) {
        super(parallelism);
        this.workers = controlledWorkers(parallelism, null);
    }

    public ControlledForkJoinPool(int parallelism, ForkJoinWorkerThreadFactory factory,
                                  Thread.UncaughtExceptionHandler handler, boolean asyncMode) {
        super(parallelism, factory, handler, asyncMode);
        this.workers = controlledWorkers(parallelism, handler);
    }

    public ControlledForkJoinPool(int parallelism, ForkJoinWorkerThreadFactory factory,
                                  Thread.UncaughtExceptionHandler handler, boolean asyncMode, int corePoolSize,
                                  int maximumPoolSize, int minimumRunnable, Predicate<? super ForkJoinPool> saturate,
                                  long keepAliveTime, TimeUnit unit) {
        super(parallelism, factory, handler, asyncMode, corePoolSize, maximumPoolSize, minimumRunnable, saturate,
                keepAliveTime, unit);
        this.workers = controlledWorkers(parallelism, handler);
    }

    private ControlledForkJoinPool(ForkJoinWorkers common) {
        super(common.parallelism());
        this.workers = common;
    }

    /** Return a controlled stand-in for the common pool; call it on a controlled thread, once per execution. */
    static ControlledForkJoinPool newCommonPool() {
        return new ControlledForkJoinPool(ForkJoinWorkers.forCommonPool(ForkJoinPool.getCommonPoolParallelism()));
    }

    private static ForkJoinWorkers controlledWorkers(int parallelism, Thread.UncaughtExceptionHandler handler) {
        return Hooks.boundHandler() == null ? null : ForkJoinWorkers.forPool(parallelism, handler);
    }

    /** Return the controlled workers, or {@code null} when this pool is the JDK's. */
    ForkJoinWorkers workers() {
        return workers;
    }

    // ---- running tasks ----

    @Override
    public <T> T invoke(ForkJoinTask<T> task) {
        return workers == null ? super.invoke(task) : ForkJoinInvocations.invoke(workers, task);
    }

    @Override
    public void execute(ForkJoinTask<?> task) {
        if (workers == null) {
            super.execute(task);
        } else {
            workers.start(Objects.requireNonNull(task), true);
        }
    }

    @Override
    public void execute(Runnable task) {
        if (workers == null) {
            super.execute(task);
        } else if (Objects.requireNonNull(task) instanceof ForkJoinTask<?> forkJoinTask) {
            workers.start(forkJoinTask, true);
        } else {
            // An exception ends the worker and goes to the pool's handler, as with the JDK's workers.
            workers.start(task, true);
        }
    }

    @Override
    public <T> ForkJoinTask<T> submit(ForkJoinTask<T> task) {
        if (workers == null) {
            return super.submit(task);
        }
        workers.start(Objects.requireNonNull(task), true);
        return task;
    }

    @Override
    public <T> ForkJoinTask<T> submit(Callable<T> task) {
        if (workers == null) {
            return super.submit(task);
        }
        Objects.requireNonNull(task);
        return submitted(inWorker() ? ForkJoinTask.adapt(task) : ForkJoinTask.adaptInterruptible(task));
    }

    @Override
    public <T> ForkJoinTask<T> submit(Runnable task, T result) {
        if (workers == null) {
            return super.submit(task, result);
        }
        Objects.requireNonNull(task);
        return submitted(inWorker() ? ForkJoinTask.adapt(task, result) : ForkJoinTask.adaptInterruptible(task, result));
    }

    @Override
    public ForkJoinTask<?> submit(Runnable task) {
        if (workers == null) {
            return super.submit(task);
        }
        if (Objects.requireNonNull(task) instanceof ForkJoinTask<?> forkJoinTask) {
            return submitted(forkJoinTask);
        }
        ForkJoinTask<?> adapted = inWorker() ? ForkJoinTask.adapt(task) : ForkJoinTask.adaptInterruptible(task);
        return submitted(adapted);
    }

    @Override
    public <T> ForkJoinTask<T> externalSubmit(ForkJoinTask<T> task) {
        return workers == null ? super.externalSubmit(task) : submit(task);
    }

    @Override
    public <T> ForkJoinTask<T> lazySubmit(ForkJoinTask<T> task) {
        return workers == null ? super.lazySubmit(task) : submit(task);
    }

    private <T> ForkJoinTask<T> submitted(ForkJoinTask<T> task) {
        workers.start(task, true);
        return task;
    }

    /** The JDK adapts submissions from its own workers without interrupt support; so do we, for ours. */
    private static boolean inWorker() {
        return Thread.currentThread() instanceof ForkJoinWorker;
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        return workers == null ? super.invokeAll(tasks) : ForkJoinInvocations.invokeAll(workers, tasks, true, false, 0);
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        if (workers == null) {
            return super.invokeAll(tasks, timeout, unit);
        }
        return ForkJoinInvocations.invokeAll(workers, tasks, true, true, unit.toNanos(timeout));
    }

    @Override
    public <T> List<Future<T>> invokeAllUninterruptibly(Collection<? extends Callable<T>> tasks) {
        if (workers == null) {
            return super.invokeAllUninterruptibly(tasks);
        }
        try {
            return ForkJoinInvocations.invokeAll(workers, tasks, false, false, 0);
        } catch (InterruptedException cannotHappen) {
            throw new AssertionError(cannotHappen);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        if (workers == null) {
            return super.invokeAny(tasks);
        }
        try {
            return ForkJoinInvocations.invokeAny(workers, tasks, false, 0);
        } catch (TimeoutException cannotHappen) {
            throw new AssertionError(cannotHappen);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (workers == null) {
            return super.invokeAny(tasks, timeout, unit);
        }
        return ForkJoinInvocations.invokeAny(workers, tasks, true, unit.toNanos(timeout));
    }

    // ---- queries: a worker per running task, nothing queued, nothing stolen ----

    @Override
    public int getParallelism() {
        return workers == null ? super.getParallelism() : workers.parallelism();
    }

    @Override
    public int setParallelism(int size) {
        return workers == null ? super.setParallelism(size) : workers.setParallelism(size);
    }

    @Override
    public int getPoolSize() {
        return workers == null ? super.getPoolSize() : workers.liveCount();
    }

    @Override
    public int getRunningThreadCount() {
        return workers == null ? super.getRunningThreadCount() : workers.liveCount();
    }

    @Override
    public int getActiveThreadCount() {
        return workers == null ? super.getActiveThreadCount() : workers.liveCount();
    }

    @Override
    public boolean isQuiescent() {
        return workers == null ? super.isQuiescent() : workers.liveCount() == 0;
    }

    @Override
    public long getStealCount() {
        return workers == null ? super.getStealCount() : 0;
    }

    @Override
    public long getQueuedTaskCount() {
        return workers == null ? super.getQueuedTaskCount() : 0;
    }

    @Override
    public int getQueuedSubmissionCount() {
        return workers == null ? super.getQueuedSubmissionCount() : 0;
    }

    @Override
    public boolean hasQueuedSubmissions() {
        return workers == null ? super.hasQueuedSubmissions() : false;
    }

    @Override
    protected ForkJoinTask<?> pollSubmission() {
        return workers == null ? super.pollSubmission() : null;
    }

    @Override
    protected int drainTasksTo(Collection<? super ForkJoinTask<?>> c) {
        return workers == null ? super.drainTasksTo(c) : 0;
    }

    @Override
    public String toString() {
        if (workers == null) {
            return super.toString();
        }
        int size = workers.liveCount();
        return "java.util.concurrent.ForkJoinPool@" + Integer.toHexString(hashCode()) + "[" + workers.level()
                + ", parallelism = " + workers.parallelism() + ", size = " + size + ", active = " + size
                + ", running = " + size + ", steals = 0, tasks = 0, submissions = 0]";
    }

    // ---- shutdown and waiting ----

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
    public boolean isTerminated() {
        return workers == null ? super.isTerminated() : workers.isTerminated();
    }

    @Override
    public boolean isTerminating() {
        return workers == null ? super.isTerminating() : workers.isTerminating();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        if (workers == null) {
            return super.awaitTermination(timeout, unit);
        }
        return workers.awaitTermination(unit.toNanos(timeout));
    }

    @Override
    public boolean awaitQuiescence(long timeout, TimeUnit unit) {
        if (workers == null) {
            return super.awaitQuiescence(timeout, unit);
        }
        try {
            return workers.awaitQuiescence(unit.toNanos(timeout), false);
        } catch (InterruptedException cannotHappen) {
            throw new AssertionError(cannotHappen);
        }
    }

    @Override
    public void close() {
        if (workers == null) {
            super.close();
        } else {
            workers.close();
        }
    }
}
