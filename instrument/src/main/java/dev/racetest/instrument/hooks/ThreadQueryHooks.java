package dev.racetest.instrument.hooks;

import java.util.Objects;

/**
 * The entry points that replace the {@code Thread} queries whose answers depend on how the JVM ran
 * the thread rather than on the schedule: its state and its id.
 *
 * <p>A controlled thread runs as a virtual thread that is not the {@code Thread} object user code
 * holds, and the JVM numbers threads across the whole run; the handler answers for the thread user
 * code knows, the same in every replay. Not scheduling points.
 */
public final class ThreadQueryHooks {

    private ThreadQueryHooks() {
    }

    /** Replaces {@code thread.getState()}. */
    public static Thread.State threadState(Thread thread) {
        return Hooks.handler().threadState(Objects.requireNonNull(thread));
    }

    /** Replaces {@code thread.threadId()} and {@code thread.getId()}. */
    public static long threadId(Thread thread) {
        return Hooks.handler().threadId(Objects.requireNonNull(thread));
    }
}
