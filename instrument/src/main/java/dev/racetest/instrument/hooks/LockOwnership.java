package dev.racetest.instrument.hooks;

import java.util.concurrent.locks.StampedLock;

/**
 * Tell the scheduler which {@code java.util.concurrent.locks} locks a controlled thread is about to
 * take, has taken and has released, from the call sites in rewritten code; the scheduler keeps who holds
 * what (and where it was taken) to explain deadlocks over these locks, whose blocking happens inside the JDK.
 *
 * <p>A rewritten {@code lock.lock()} becomes {@code acquiring(lock); lock.lock(); acquired(lock)}: a call
 * that throws (an interrupted {@code lockInterruptibly}) or fails ({@code tryLock()} returning
 * {@code false}) never reports an acquisition, and an {@code unlock()} that throws
 * {@code IllegalMonitorStateException} never reports a release. Locks taken inside code racetest does not
 * rewrite (the JDK itself) are not seen. Uncontrolled threads are ignored here: the preemption point
 * before the same call already reports them.
 */
public final class LockOwnership {

    /** The lock is taken exclusively (a {@code ReentrantLock}, a write lock). */
    public static final int EXCLUSIVE = 0;
    /** The lock is taken shared (a read lock): many threads may hold it at once. */
    public static final int SHARED = 1;
    /** A call through {@code Lock}: the scheduler tells a read lock from the receiver's class. */
    public static final int BY_RECEIVER = 2;

    private LockOwnership() {
    }

    /** Right before {@code lock()}, {@code lockInterruptibly()} or {@code tryLock()} on {@code lock}. */
    public static void acquiring(Object lock, int site) {
        SyncPointHandler handler = Hooks.boundHandler();
        if (handler != null) {
            handler.lockAcquiring(lock, BY_RECEIVER, site);
        }
    }

    /** Right after {@code lock()} or {@code lockInterruptibly()} on {@code lock} returned. */
    public static void acquired(Object lock, int site) {
        SyncPointHandler handler = Hooks.boundHandler();
        if (handler != null) {
            handler.lockAcquired(lock, BY_RECEIVER, site);
        }
    }

    /** Right after a {@code tryLock} on {@code lock} answered {@code acquired}; returns that answer. */
    public static boolean tried(Object lock, boolean acquired, int site) {
        SyncPointHandler handler = Hooks.boundHandler();
        if (handler != null) {
            if (acquired) {
                handler.lockAcquired(lock, BY_RECEIVER, site);
            } else {
                handler.lockNotAcquired(lock);
            }
        }
        return acquired;
    }

    /** Right after {@code unlock()} on {@code lock} returned. */
    public static void released(Object lock, int site) {
        SyncPointHandler handler = Hooks.boundHandler();
        if (handler != null) {
            handler.lockReleased(lock, BY_RECEIVER, site);
        }
    }

    /**
     * Right after {@code readLock()} or {@code writeLock()} of a read-write lock returned {@code view}: the
     * scheduler then knows the view's holders and waiters are those of {@code whole}. Returns {@code view}.
     */
    public static Object view(Object whole, Object view, boolean shared) {
        SyncPointHandler handler = Hooks.boundHandler();
        if (handler != null && view != null) {
            handler.lockView(view, whole, shared ? SHARED : EXCLUSIVE);
        }
        return view;
    }

    /** Right before a {@code StampedLock} call that takes the lock in write ({@code shared == false}) or read mode. */
    public static void stampAcquiring(Object lock, boolean shared, int site) {
        SyncPointHandler handler = Hooks.boundHandler();
        if (handler != null) {
            handler.lockAcquiring(lock, shared ? SHARED : EXCLUSIVE, site);
        }
    }

    /** Right after such a call returned {@code stamp}, which is {@code 0} when a {@code try} variant failed. */
    public static long stampAcquired(Object lock, long stamp, boolean shared, int site) {
        SyncPointHandler handler = Hooks.boundHandler();
        if (handler != null) {
            if (stamp != 0) {
                handler.lockAcquired(lock, shared ? SHARED : EXCLUSIVE, site);
            } else {
                handler.lockNotAcquired(lock);
            }
        }
        return stamp;
    }

    /** Right after {@code unlockWrite}, {@code unlockRead} or {@code unlock} released {@code stamp}. */
    public static void stampReleased(Object lock, long stamp, int site) {
        SyncPointHandler handler = Hooks.boundHandler();
        if (handler != null) {
            handler.lockReleased(lock, StampedLock.isWriteLockStamp(stamp) ? EXCLUSIVE : SHARED, site);
        }
    }
}
