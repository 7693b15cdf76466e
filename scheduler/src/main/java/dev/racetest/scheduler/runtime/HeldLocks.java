package dev.racetest.scheduler.runtime;

import dev.racetest.instrument.hooks.LockOwnership;
import dev.racetest.instrument.hooks.SyncSites;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * Who holds which {@code java.util.concurrent.locks} lock in one execution, and where each took it, as
 * the {@code LockOwnership} hooks at the call sites report it; a deadlock report and the wait-for cycle
 * read it. The JDK keeps the truth (its AQS owner), but it does not say where a lock was taken and does
 * not name the holders of a read lock, so racetest keeps its own book.
 *
 * <p>A read-write lock is one key with two modes: its read lock ({@code readLock()} of a
 * {@code ReentrantReadWriteLock}, a read stamp of a {@code StampedLock}) is held shared, its write lock
 * exclusively. A view whose read-write lock was never seen (it was obtained in uninstrumented code) is
 * its own key. Reentrant holds are counted. A {@code Condition.await} releases and retakes the lock
 * inside racetest's substitute: the hold then keeps the site where the user took it.
 *
 * <p>Confined to the execution's carrier; nothing is allocated until a lock is taken.
 */
final class HeldLocks {

    /** One thread's hold on one lock in one mode. */
    static final class Hold {
        final ControlledThread thread;
        final Object key;
        final boolean shared;
        int count;
        int site;

        Hold(ControlledThread thread, Object key, boolean shared, int site) {
            this.thread = thread;
            this.key = key;
            this.shared = shared;
            this.site = site;
        }
    }

    /** What a lock call names: the key of the lock and the mode it is taken in. */
    record Target(Object key, boolean shared) {
    }

    private List<Hold> holds;
    private IdentityHashMap<Object, Target> views;

    void view(Object view, Object whole, int mode) {
        if (views == null) {
            views = new IdentityHashMap<>();
        }
        views.put(view, new Target(whole, mode == LockOwnership.SHARED));
    }

    /** Resolves a lock as a call names it to its key and mode. */
    Target target(Object lock, int mode) {
        if (mode != LockOwnership.BY_RECEIVER) {
            return new Target(lock, mode == LockOwnership.SHARED);
        }
        Target view = views == null ? null : views.get(lock);
        if (view != null) {
            return view;
        }
        return new Target(lock, lock instanceof ReentrantReadWriteLock.ReadLock);
    }

    void acquired(ControlledThread thread, Object lock, int mode, int site) {
        Target target = target(lock, mode);
        if (holds == null) {
            holds = new ArrayList<>(4);
        }
        Hold hold = find(thread, target);
        if (hold == null) {
            hold = new Hold(thread, target.key(), target.shared(), site);
            holds.add(hold);
        } else if (hold.count == 0 && !inSubstitute(site)) {
            hold.site = site; // a fresh hold, not a substitute's retake after a Condition.await
        }
        hold.count++;
    }

    void released(ControlledThread thread, Object lock, int mode, int site) {
        if (holds == null) {
            return;
        }
        Target target = target(lock, mode);
        Hold hold = find(thread, target);
        if ((hold == null || hold.count == 0) && target.key() instanceof StampedLock) {
            hold = anyHolder(target); // a stamp is not owned: any thread may release it
        }
        if (hold == null) {
            return; // taken where racetest did not see it
        }
        if (--hold.count == 0 && !inSubstitute(site)) {
            holds.remove(hold);
        }
    }

    /** The holds of {@code thread} that are held now, in the order they were first taken. */
    List<Hold> heldBy(ControlledThread thread) {
        List<Hold> result = new ArrayList<>();
        if (holds != null) {
            for (Hold hold : holds) {
                if (hold.thread == thread && hold.count > 0) {
                    result.add(hold);
                }
            }
        }
        return result;
    }

    /**
     * The threads other than {@code waiter} that keep it from taking {@code target}: for a shared take,
     * the exclusive holders; for an exclusive take, every holder (a writer waits for all readers).
     */
    List<ControlledThread> blockers(ControlledThread waiter, Target target) {
        List<ControlledThread> result = new ArrayList<>(2);
        if (holds != null) {
            for (Hold hold : holds) {
                if (hold.key == target.key() && hold.count > 0 && hold.thread != waiter
                        && (!target.shared() || !hold.shared) && !result.contains(hold.thread)) {
                    result.add(hold.thread);
                }
            }
        }
        return result;
    }

    /** Names a lock in a mode, such as {@code ReentrantLock#1} or {@code read lock of ReentrantReadWriteLock#1}. */
    static String describe(Target target, ObjectLabels labels) {
        Object key = target.key();
        String label = labels.label(key);
        if (key instanceof ReentrantReadWriteLock || key instanceof StampedLock) {
            return (target.shared() ? "read lock of " : "write lock of ") + label;
        }
        return label;
    }

    static String describe(Hold hold, ObjectLabels labels) {
        String what = describe(new Target(hold.key, hold.shared), labels);
        String times = hold.count > 1 ? ", " + hold.count + " holds" : "";
        return what + " (locked at " + SyncSites.get(hold.site).location() + times + ")";
    }

    private Hold find(ControlledThread thread, Target target) {
        for (Hold hold : holds) {
            if (hold.thread == thread && hold.key == target.key() && hold.shared == target.shared()) {
                return hold;
            }
        }
        return null;
    }

    private Hold anyHolder(Target target) {
        for (Hold hold : holds) {
            if (hold.key == target.key() && hold.shared == target.shared() && hold.count > 0) {
                return hold;
            }
        }
        return null;
    }

    private static boolean inSubstitute(int site) {
        return site >= 0 && UserFrames.isSubstitute(SyncSites.get(site).className());
    }
}
