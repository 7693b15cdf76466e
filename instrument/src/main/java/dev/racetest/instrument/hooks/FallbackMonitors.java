package dev.racetest.instrument.hooks;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Real monitors for uncontrolled threads, keyed weakly by object identity.
 *
 * <p>Weak keys so that an object used once as a lock does not live as long as the JVM; identity so
 * that objects with their own {@code equals} (a {@code String}, a record) map to their own monitor,
 * as {@code synchronized} does.
 */
final class FallbackMonitors {

    record FallbackMonitor(ReentrantLock lock, Condition condition) {
        static FallbackMonitor create() {
            ReentrantLock lock = new ReentrantLock();
            return new FallbackMonitor(lock, lock.newCondition());
        }
    }

    private static final ReferenceQueue<Object> CLEARED = new ReferenceQueue<>();
    private static final ConcurrentHashMap<Object, FallbackMonitor> MONITORS = new ConcurrentHashMap<>();

    private FallbackMonitors() {
    }

    static FallbackMonitor of(Object monitor) {
        expungeCleared();
        FallbackMonitor existing = MONITORS.get(new Probe(monitor));
        return existing != null
                ? existing
                : MONITORS.computeIfAbsent(new WeakKey(monitor, CLEARED), key -> FallbackMonitor.create());
    }

    private static void expungeCleared() {
        for (Object cleared; (cleared = CLEARED.poll()) != null; ) {
            MONITORS.remove(cleared);
        }
    }

    /** Both key kinds hash by identity and compare by referent identity, so a probe finds a weak key. */
    private interface IdentityKey {
        Object referent();
    }

    private static boolean sameReferent(IdentityKey key, Object other) {
        if (key == other) {
            return true;
        }
        Object referent = key.referent();
        return referent != null && other instanceof IdentityKey that && that.referent() == referent;
    }

    private static final class WeakKey extends WeakReference<Object> implements IdentityKey {
        private final int hash;

        WeakKey(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public Object referent() {
            return get();
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return sameReferent(this, other);
        }
    }

    private record Probe(Object referent) implements IdentityKey {
        @Override
        public int hashCode() {
            return System.identityHashCode(referent);
        }

        @Override
        public boolean equals(Object other) {
            return sameReferent(this, other);
        }
    }
}
