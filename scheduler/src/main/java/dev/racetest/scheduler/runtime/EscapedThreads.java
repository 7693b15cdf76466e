package dev.racetest.scheduler.runtime;

import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.instrument.hooks.UncontrolledThreadListener;
import dev.racetest.scheduler.Outcome;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notices threads that run instrumented code outside the scheduler's control while an exploration
 * is under way: threads a JDK thread pool, {@code ForkJoinPool} or timer created. Their steps are
 * neither chosen nor seen, so an execution they took part in proves nothing either way; it ends as
 * {@link Outcome.UncontrolledThread} instead of passing, or failing with a verdict that may be false.
 *
 * <p>One listener serves the JVM; executions take a {@link #mark()} when they start and ask
 * {@link #since(long)} when they end. Thread-safe: escaped threads call in from anywhere.
 */
public final class EscapedThreads implements UncontrolledThreadListener {

    /** The listener racetest installs into {@link Hooks}. */
    public static final EscapedThreads INSTANCE = new EscapedThreads();

    static {
        Hooks.setUncontrolledThreadListener(INSTANCE);
    }

    private final AtomicInteger activeExplorations = new AtomicInteger();
    private final AtomicLong notices = new AtomicLong();
    /** The latest escaped thread described; only rewritten when another thread escapes. */
    private volatile Outcome.UncontrolledThread latest;

    private EscapedThreads() {
    }

    /** Starts listening for the duration of one exploration; pair with {@link #explorationEnded()}. */
    public void explorationStarted() {
        activeExplorations.incrementAndGet();
    }

    public void explorationEnded() {
        activeExplorations.decrementAndGet();
    }

    @Override
    public void uncontrolledSyncPoint(Thread thread, int site) {
        if (activeExplorations.get() == 0) {
            return; // code running outside any exploration (a class initialised by the engine, say) is no escape
        }
        if (isReferenceHandler(thread)) {
            return;
        }
        Outcome.UncontrolledThread described = latest;
        if (described == null || !described.threadName().equals(thread.getName())) {
            latest = new Outcome.UncontrolledThread(thread.getName(), SyncSites.get(site).location(), origin(thread));
        }
        notices.incrementAndGet(); // after latest is written, so a reader who sees the count sees a description
    }

    long mark() {
        return notices.get();
    }

    /** Returns the escape noticed since {@code mark}, or {@code null} if none was. */
    Outcome.UncontrolledThread since(long mark) {
        return notices.get() != mark ? latest : null;
    }

    /**
     * Whether {@code thread} is one of the JVM's threads that run finalizers and cleaning actions: they
     * run the code of objects the garbage collector found unreachable, at a moment it chooses, usually
     * objects of an earlier execution or an earlier test, so what they do belongs to no execution's
     * interleaving (and reporting it would fail whichever test happens to be running).
     */
    private static boolean isReferenceHandler(Thread thread) {
        String type = thread.getClass().getName();
        return type.equals("java.lang.ref.Finalizer$FinalizerThread") || type.equals("jdk.internal.misc.InnocuousThread");
    }

    /** Names the frame that started the thread's work: the outermost frame below {@code Thread.run}. */
    private static String origin(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        for (int i = stack.length - 1; i >= 0; i--) {
            String className = stack[i].getClassName();
            if (!className.equals("java.lang.Thread") && !className.startsWith("java.lang.VirtualThread")
                    && !className.startsWith("jdk.internal.")) {
                return className + "." + stack[i].getMethodName();
            }
        }
        return "an unknown thread";
    }
}
