package dev.racetest.instrument.hooks;

import java.util.concurrent.ThreadFactory;

/**
 * Stand in for the JDK methods that create threads from a {@code Thread.Builder}, and those that create
 * and start one in one call, {@code Thread.startVirtualThread} and {@code Thread.Builder.start}.
 *
 * <p>Those start the thread inside the JDK, where no {@code start()} call can be rewritten, so the
 * rewritten call site comes here instead: the thread is created unstarted, exactly as the JDK method
 * creates it, and started through {@link Hooks#threadStart}, which makes it a controlled thread on a
 * controlled thread and starts it for real on any other. Each returns the started thread, as the
 * method it replaces does, and takes the site of the start last.
 *
 * <p>Every virtual thread created here has its task recorded in {@link VirtualThreadTasks}, since a
 * virtual thread's {@code run()} cannot give it back.
 */
public final class ThreadBuilderHooks {

    private ThreadBuilderHooks() {
    }

    /** Replaces {@code Thread.startVirtualThread(task)}. */
    public static Thread startVirtualThread(Runnable task, int site) {
        Thread thread = unstarted(Thread.ofVirtual(), task);
        Hooks.threadStart(thread, site);
        return thread;
    }

    /** Replaces {@code builder.start(task)} on any {@code Thread.Builder}. */
    public static Thread start(Thread.Builder builder, Runnable task, int site) {
        Thread thread = unstarted(builder, task);
        Hooks.threadStart(thread, site);
        return thread;
    }

    /** Replaces {@code builder.unstarted(task)} on any {@code Thread.Builder}. */
    public static Thread unstarted(Thread.Builder builder, Runnable task) {
        return VirtualThreadTasks.remember(builder.unstarted(task), task);
    }

    /**
     * Replaces {@code builder.factory()} on any {@code Thread.Builder}: a virtual-thread factory is
     * wrapped so that each thread it makes has its task recorded; a platform-thread factory is returned
     * as it is.
     */
    public static ThreadFactory factory(Thread.Builder builder) {
        ThreadFactory factory = builder.factory();
        if (!(builder instanceof Thread.Builder.OfVirtual)) {
            return factory;
        }
        return new ThreadFactory() {
            @Override
            public Thread newThread(Runnable task) {
                return VirtualThreadTasks.remember(factory.newThread(task), task);
            }

            @Override
            public String toString() {
                return factory.toString();
            }
        };
    }
}
