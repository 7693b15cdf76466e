package dev.racetest.instrument.hooks;

/**
 * Stand in for the JDK methods that create and start a thread in one call,
 * {@code Thread.startVirtualThread} and {@code Thread.Builder.start}.
 *
 * <p>Those start the thread inside the JDK, where no {@code start()} call can be rewritten, so the
 * rewritten call site comes here instead: the thread is created unstarted, exactly as the JDK method
 * creates it, and started through {@link Hooks#threadStart}, which makes it a controlled thread on a
 * controlled thread and starts it for real on any other. Each returns the started thread, as the
 * method it replaces does, and takes the site of the start last.
 */
public final class ThreadBuilderHooks {

    private ThreadBuilderHooks() {
    }

    /** Replaces {@code Thread.startVirtualThread(task)}. */
    public static Thread startVirtualThread(Runnable task, int site) {
        Thread thread = Thread.ofVirtual().unstarted(task);
        Hooks.threadStart(thread, site);
        return thread;
    }

    /** Replaces {@code builder.start(task)} on any {@code Thread.Builder}. */
    public static Thread start(Thread.Builder builder, Runnable task, int site) {
        Thread thread = builder.unstarted(task);
        Hooks.threadStart(thread, site);
        return thread;
    }
}
