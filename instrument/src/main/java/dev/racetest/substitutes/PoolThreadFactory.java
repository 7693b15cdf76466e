package dev.racetest.substitutes;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The thread factory of {@code Executors.defaultThreadFactory()}, numbered within one execution.
 *
 * <p>Like the JDK's: threads named {@code pool-N-thread-M}, in the creating thread's group,
 * non-daemon, at normal priority. The JDK counts pools across the whole JVM, so a test's thread names
 * would depend on what ran before it; here the pool counter is a static of this class, which is
 * loaded afresh for every execution, so the first pool of every execution is {@code pool-1}.
 */
final class PoolThreadFactory implements ThreadFactory {

    private static final AtomicInteger POOLS = new AtomicInteger(1);

    private final ThreadGroup group;
    private final AtomicInteger threads = new AtomicInteger(1);
    private final String namePrefix;

    PoolThreadFactory() {
        group = Thread.currentThread().getThreadGroup();
        namePrefix = "pool-" + POOLS.getAndIncrement() + "-thread-";
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(group, task, namePrefix + threads.getAndIncrement(), 0);
        if (thread.isDaemon()) {
            thread.setDaemon(false);
        }
        if (thread.getPriority() != Thread.NORM_PRIORITY) {
            thread.setPriority(Thread.NORM_PRIORITY);
        }
        return thread;
    }
}
