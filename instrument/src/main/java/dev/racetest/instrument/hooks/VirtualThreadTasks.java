package dev.racetest.instrument.hooks;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The task of each virtual thread instrumented code created, kept until the thread starts.
 *
 * <p>A platform thread's task is reachable through {@code Thread.run()}, which racetest calls on the
 * controlled thread it runs the user's thread on. A virtual thread's {@code run()} does nothing: the
 * JDK keeps its task inside the thread's continuation, which no public API (and no {@code --add-opens}
 * racetest asks for) reaches. So the rewritten calls that create virtual threads
 * ({@code Thread.Builder.unstarted}, a builder's {@code factory()}, {@code start}, and
 * {@code Thread.startVirtualThread}) record the task here, and the scheduler takes it when the thread
 * starts. Weak keys: a thread created and never started leaves nothing behind.
 */
public final class VirtualThreadTasks {

    private static final Map<Thread, Runnable> TASKS = Collections.synchronizedMap(new WeakHashMap<>());

    private VirtualThreadTasks() {
    }

    /** Remember {@code task} as what virtual {@code thread} runs; returns {@code thread}. */
    public static Thread remember(Thread thread, Runnable task) {
        if (thread != null && thread.isVirtual()) {
            TASKS.put(thread, task);
        }
        return thread;
    }

    /**
     * Return the task of virtual {@code thread} and forget it, or {@code null} when the thread was created
     * where racetest could not see it (in uninstrumented code).
     */
    public static Runnable take(Thread thread) {
        return TASKS.remove(thread);
    }
}
