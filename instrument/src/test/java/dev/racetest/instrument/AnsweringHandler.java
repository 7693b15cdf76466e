package dev.racetest.instrument;

import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.SyncPointHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A handler with scripted answers to the nondeterminism queries: fixed clocks, thread state and id,
 * and seeds and identity hash codes from counters. Every sync point is a no-op that lets the thread
 * go on, which is all single-threaded fixtures need.
 *
 * <p>A {@link Proxy}, so it keeps compiling as {@link SyncPointHandler} grows. Confined to one thread.
 * Two instances with the same settings answer the same questions the same way.
 */
final class AnsweringHandler {

    long nanoTime = 1_000L;
    long currentTimeMillis = 1_700_000_000_123L;
    Thread.State threadState = Thread.State.BLOCKED;
    long threadId = 77;
    /** The seeds {@code nextRandomSeed()} hands out: this one, then the following numbers. */
    long firstSeed = 42;
    /** Where the identity hash codes start; see {@link #hashAnswer}. */
    int hashBase = 1;
    /** Every object whose identity hash code was asked, in order. */
    final List<Object> hashed = new ArrayList<>();

    private final SyncPointHandler handler;
    private int seeds;

    AnsweringHandler() {
        handler = (SyncPointHandler) Proxy.newProxyInstance(SyncPointHandler.class.getClassLoader(),
                new Class<?>[] {SyncPointHandler.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "nanoTime" -> nanoTime;
                    case "currentTimeMillis" -> currentTimeMillis;
                    case "nextRandomSeed" -> firstSeed + seeds++;
                    case "identityHashCode" -> {
                        hashed.add(arguments[0]);
                        yield hashAnswer(hashBase, hashed.size() - 1);
                    }
                    case "threadState" -> threadState;
                    case "threadId" -> threadId;
                    case "currentThread" -> Thread.currentThread();
                    case "equals" -> proxy == arguments[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "AnsweringHandler";
                    default -> defaultValue(method.getReturnType());
                });
    }

    /** Return the hash code the {@code n}th (from 0) {@code identityHashCode} question gets. */
    static int hashAnswer(int hashBase, int n) {
        // Spread, so that the bucket order of a hash table differs from the order of the questions.
        return (hashBase + n) * 0x61C8_8647 >>> 1;
    }

    /** Run {@code action} with this handler bound to the calling thread. */
    <T> T call(Callable<T> action) throws Exception {
        Hooks.bind(handler);
        try {
            return action.call();
        } finally {
            Hooks.unbind();
        }
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        } else if (type == int.class) {
            return 0;
        } else if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
