package dev.racetest.instrument.hooks;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The identity hash code each object has been given, fixed at the first request, whoever makes it.
 *
 * <p>The handler answers "the same for the same schedule" within one execution, but an object can
 * outlive it (statics live as long as the test's class loader) or be hashed by a thread racetest does
 * not control. A hash code must not change while its object lives, or every hash table holding it
 * breaks, so the first answer is kept here and the handler is asked once per object: on a controlled
 * thread its answer, on any other {@code System.identityHashCode}. Objects are held weakly.
 *
 * <p>Thread-safe: the table is split into stripes, each guarded by a spin lock held only for a few
 * probes and never across a call out. Not a monitor or a {@code java.util.concurrent} lock on purpose:
 * executions run in parallel on several carriers, and a controlled virtual thread that blocked on one
 * would unmount and come back through the JDK at a moment the scheduler does not choose.
 */
final class IdentityHashes {

    private static final int STRIPE_BITS = 6;
    private static final Stripe[] STRIPES = new Stripe[1 << STRIPE_BITS];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new Stripe();
        }
    }

    private IdentityHashes() {
    }

    /** Returns the hash code given to {@code object} (not {@code null}), giving it one from {@code handler} on the first call. */
    static int of(Object object, SyncPointHandler handler) {
        int identity = System.identityHashCode(object);
        int spread = (identity ^ (identity >>> 16)) * 0x45D9F3B;
        Stripe stripe = STRIPES[spread & (STRIPES.length - 1)];
        int bucket = spread >>> STRIPE_BITS;
        Entry known = stripe.find(object, bucket);
        if (known != null) {
            return known.hash;
        }
        // Asked outside the lock: the handler is the scheduler's code and may take its time.
        int hash = handler != null ? handler.identityHashCode(object) : identity;
        return stripe.putIfAbsent(object, bucket, hash);
    }

    /** One object's hash; {@code bucket} holds the bits of its real identity hash that place it in a table. */
    private static final class Entry extends WeakReference<Object> {
        final int bucket;
        final int hash;
        Entry next;

        Entry(Object object, int bucket, int hash, Entry next) {
            super(object);
            this.bucket = bucket;
            this.hash = hash;
            this.next = next;
        }
    }

    /**
     * A chained hash table under a spin lock; every field is guarded by {@code locked}. Entries whose
     * object is gone are unlinked when a lookup passes them and dropped when the table grows. No
     * {@code ReferenceQueue}: polling one takes a JDK lock, which could park a virtual thread while it
     * holds this one.
     */
    private static final class Stripe {
        private final AtomicBoolean locked = new AtomicBoolean();
        private Entry[] table = new Entry[16];
        /** Entries in the table, cleared ones included until they are unlinked. */
        private int size;

        Entry find(Object object, int bucket) {
            lock();
            try {
                return lookup(object, bucket);
            } finally {
                locked.set(false);
            }
        }

        int putIfAbsent(Object object, int bucket, int hash) {
            lock();
            try {
                Entry raced = lookup(object, bucket);
                if (raced != null) {
                    return raced.hash;
                }
                if (size >= table.length - (table.length >>> 2)) {
                    rebuild();
                }
                int index = bucket & (table.length - 1);
                table[index] = new Entry(object, bucket, hash, table[index]);
                size++;
                return hash;
            } finally {
                locked.set(false);
            }
        }

        private void lock() {
            while (!locked.compareAndSet(false, true)) {
                Thread.onSpinWait();
            }
        }

        /** Return the live entry of {@code object}, unlinking the cleared entries on the way. */
        private Entry lookup(Object object, int bucket) {
            int index = bucket & (table.length - 1);
            Entry previous = null;
            for (Entry entry = table[index]; entry != null; entry = entry.next) {
                Object referent = entry.get();
                if (referent == null) {
                    if (previous == null) {
                        table[index] = entry.next;
                    } else {
                        previous.next = entry.next;
                    }
                    size--;
                } else {
                    if (referent == object) {
                        return entry;
                    }
                    previous = entry;
                }
            }
            return null;
        }

        /** Drop the cleared entries and double the table if the live ones still fill half of it. */
        private void rebuild() {
            int live = 0;
            for (Entry head : table) {
                for (Entry entry = head; entry != null; entry = entry.next) {
                    live += entry.get() != null ? 1 : 0;
                }
            }
            Entry[] rebuilt = new Entry[live >= table.length >>> 1 ? table.length * 2 : table.length];
            for (Entry head : table) {
                for (Entry entry = head; entry != null; ) {
                    Entry next = entry.next;
                    if (entry.get() != null) {
                        int index = entry.bucket & (rebuilt.length - 1);
                        entry.next = rebuilt[index];
                        rebuilt[index] = entry;
                    }
                    entry = next;
                }
            }
            table = rebuilt;
            size = live;
        }
    }
}
