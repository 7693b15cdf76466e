package dev.racetest.substitutes;

import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.ThreadBuilderHooks;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Stand in for the thread-creating factories of {@link Executors}: rewritten code calls these instead.
 *
 * <p>Every method has the signature of its {@code Executors} namesake. Called on a controlled thread,
 * it returns an executor whose threads are controlled threads; called anywhere else, it returns
 * exactly what the {@code Executors} method returns, so instrumented code behaves as before outside an
 * exploration. The controlled executors are:
 * <ul>
 *   <li>fixed, cached and single-thread pools: the JDK's own {@link ThreadPoolExecutor} with the JDK's
 *       parameters, whose threads come from a {@link ControlledThreadFactory} and whose work queue is
 *       wrapped in a {@link ForwardingBlockingQueue}, so idle workers wait on virtual time; the
 *       single-thread executor is wrapped so that it cannot be reconfigured, as the JDK's is (without
 *       the JDK's shutdown when the wrapper is garbage collected, which would make a run depend on
 *       the collector);</li>
 *   <li>scheduled pools: a {@link ControlledScheduledExecutor}, whose delays run on virtual time;</li>
 *   <li>thread-per-task executors: a {@link ControlledThreadPerTaskExecutor};</li>
 *   <li>work-stealing pools: a {@link ControlledForkJoinPool} (see {@link #newWorkStealingPool(int)});</li>
 *   <li>{@link #defaultThreadFactory()}: a factory like the JDK's whose pool numbers restart with every
 *       execution, so thread names are the same in every execution and every replay.</li>
 * </ul>
 *
 * <p>The executors made here are not rewritten themselves: the rewriting of executor calls leaves
 * this package alone, so the {@code Executors} calls below reach the JDK.
 */
public final class SubstituteExecutors {

    private SubstituteExecutors() {
    }

    private static boolean controlled() {
        return Hooks.boundHandler() != null;
    }

    public static ExecutorService newFixedThreadPool(int nThreads) {
        if (!controlled()) {
            return Executors.newFixedThreadPool(nThreads);
        }
        return newFixedThreadPool(nThreads, new PoolThreadFactory());
    }

    public static ExecutorService newFixedThreadPool(int nThreads, ThreadFactory threadFactory) {
        if (!controlled()) {
            return Executors.newFixedThreadPool(nThreads, threadFactory);
        }
        return pool(nThreads, nThreads, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threadFactory);
    }

    public static ExecutorService newCachedThreadPool() {
        if (!controlled()) {
            return Executors.newCachedThreadPool();
        }
        return newCachedThreadPool(new PoolThreadFactory());
    }

    public static ExecutorService newCachedThreadPool(ThreadFactory threadFactory) {
        if (!controlled()) {
            return Executors.newCachedThreadPool(threadFactory);
        }
        return pool(0, Integer.MAX_VALUE, 60L, TimeUnit.SECONDS, new SynchronousQueue<>(), threadFactory);
    }

    public static ExecutorService newSingleThreadExecutor() {
        if (!controlled()) {
            return Executors.newSingleThreadExecutor();
        }
        return newSingleThreadExecutor(new PoolThreadFactory());
    }

    public static ExecutorService newSingleThreadExecutor(ThreadFactory threadFactory) {
        if (!controlled()) {
            return Executors.newSingleThreadExecutor(threadFactory);
        }
        return Executors.unconfigurableExecutorService(
                pool(1, 1, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threadFactory));
    }

    public static ScheduledExecutorService newScheduledThreadPool(int corePoolSize) {
        if (!controlled()) {
            return Executors.newScheduledThreadPool(corePoolSize);
        }
        return new ControlledScheduledExecutor(corePoolSize);
    }

    public static ScheduledExecutorService newScheduledThreadPool(int corePoolSize, ThreadFactory threadFactory) {
        if (!controlled()) {
            return Executors.newScheduledThreadPool(corePoolSize, threadFactory);
        }
        return new ControlledScheduledExecutor(corePoolSize, threadFactory);
    }

    public static ScheduledExecutorService newSingleThreadScheduledExecutor() {
        if (!controlled()) {
            return Executors.newSingleThreadScheduledExecutor();
        }
        return Executors.unconfigurableScheduledExecutorService(new ControlledScheduledExecutor(1));
    }

    public static ScheduledExecutorService newSingleThreadScheduledExecutor(ThreadFactory threadFactory) {
        if (!controlled()) {
            return Executors.newSingleThreadScheduledExecutor(threadFactory);
        }
        return Executors.unconfigurableScheduledExecutorService(new ControlledScheduledExecutor(1, threadFactory));
    }

    public static ExecutorService newWorkStealingPool() {
        if (!controlled()) {
            return Executors.newWorkStealingPool();
        }
        return newWorkStealingPool(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Controlled: a {@link ControlledForkJoinPool} in asynchronous mode, as the JDK's is a
     * {@code ForkJoinPool}.
     *
     * <p>Chosen over a controlled fixed pool of {@code parallelism} threads because a program can tell
     * the two apart: it may cast the result to {@code ForkJoinPool} or call its methods, and its tasks
     * may fork subtasks, which the controlled pool runs on controlled threads too. Its workers are
     * daemon threads that end with their tasks, so a pool that is never shut down, as work-stealing
     * pools often are not, leaves no thread waiting behind, as the JDK's idle workers time out.
     */
    public static ExecutorService newWorkStealingPool(int parallelism) {
        if (!controlled()) {
            return Executors.newWorkStealingPool(parallelism);
        }
        return new ControlledForkJoinPool(parallelism, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, true);
    }

    public static ExecutorService newVirtualThreadPerTaskExecutor() {
        if (!controlled()) {
            return Executors.newVirtualThreadPerTaskExecutor();
        }
        return new ControlledThreadPerTaskExecutor(ThreadBuilderHooks.factory(Thread.ofVirtual()));
    }

    public static ExecutorService newThreadPerTaskExecutor(ThreadFactory threadFactory) {
        if (!controlled()) {
            return Executors.newThreadPerTaskExecutor(threadFactory);
        }
        return new ControlledThreadPerTaskExecutor(Objects.requireNonNull(threadFactory));
    }

    public static ThreadFactory defaultThreadFactory() {
        if (!controlled()) {
            return Executors.defaultThreadFactory();
        }
        // Not made controlled: its threads are plain unstarted threads, as the JDK's are; a pool that
        // uses it wraps it, and a thread the user starts is controlled by the rewritten start().
        return new PoolThreadFactory();
    }

    /** A JDK pool with the JDK's parameters, controlled; a null factory is left for the constructor to reject. */
    private static ThreadPoolExecutor pool(int corePoolSize, int maximumPoolSize, long keepAliveTime, TimeUnit unit,
                                           BlockingQueue<Runnable> queue, ThreadFactory threadFactory) {
        return new ThreadPoolExecutor(corePoolSize, maximumPoolSize, keepAliveTime, unit,
                ThreadPoolArguments.workQueue(queue), ThreadPoolArguments.threadFactory(threadFactory));
    }
}
