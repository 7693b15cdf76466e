package dev.racetest.substitutes;

import dev.racetest.instrument.hooks.Hooks;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Make the arguments of a {@code ThreadPoolExecutor} constructor fit for a controlled execution.
 *
 * <p>Rewritten code calls these on the arguments of every {@code ThreadPoolExecutor.<init>} call, in
 * {@code new} expressions and in {@code super(...)} calls of user subclasses alike, right before the
 * constructor runs. On a controlled thread the work queue is wrapped in a {@link ForwardingBlockingQueue}
 * (so workers wait for work in instrumented code, on virtual time) and the thread factory in a
 * {@link ControlledThreadFactory} (so workers are controlled threads). On any other thread every method
 * returns what the JDK constructor would have used, so the pool is exactly the JDK's.
 *
 * <p>A {@code null} argument is passed on unchanged, for the constructor to reject as the JDK does.
 */
public final class ThreadPoolArguments {

    private ThreadPoolArguments() {
    }

    /** Return the work queue the pool should use in place of {@code queue}. */
    public static <E> BlockingQueue<E> workQueue(BlockingQueue<E> queue) {
        if (queue == null || queue instanceof ForwardingBlockingQueue || Hooks.boundHandler() == null) {
            return queue;
        }
        return new ForwardingBlockingQueue<>(queue);
    }

    /** Return the thread factory the pool should use in place of {@code factory}. */
    public static ThreadFactory threadFactory(ThreadFactory factory) {
        if (factory == null || Hooks.boundHandler() == null) {
            return factory;
        }
        return ControlledThreadFactory.of(factory);
    }

    /**
     * Return the thread factory for a constructor that names none: the JDK's
     * {@code Executors.defaultThreadFactory()} when uncontrolled, else one like it whose names are
     * numbered within the execution, made controlled.
     */
    public static ThreadFactory defaultThreadFactory() {
        if (Hooks.boundHandler() == null) {
            return Executors.defaultThreadFactory();
        }
        return ControlledThreadFactory.of(new PoolThreadFactory());
    }
}
