package dev.racetest.instrument.hooks;

import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;

/**
 * Stand in for the timed waits of {@code java.util.concurrent.locks} and for {@code Condition.await()} at
 * call sites in rewritten code, so that their timeouts run on the virtual clock and a condition may wake
 * spuriously when the strategy says so.
 *
 * <p>Each method takes the receiver, the call's arguments and a site id, follows the shape described in
 * {@link Waits}, and gives the call's own timeout result: {@code false} for {@code tryLock} and
 * {@code await}, a non-positive remainder for {@code awaitNanos}, {@code 0} for the {@code StampedLock}
 * stamps. The lock waits also tell {@link LockOwnership} what they are about to take and whether they
 * took it. A condition woken spuriously returns as the JDK allows it to: {@code true}, a positive
 * remainder, or just returning from the untimed {@code await()}.
 */
public final class LockWaits {

    private static final JdkMethod TRY_LOCK = new JdkMethod(Lock.class, "tryLock", long.class, TimeUnit.class);
    private static final JdkMethod AWAIT = new JdkMethod(Condition.class, "await");
    private static final JdkMethod AWAIT_TIMED = new JdkMethod(Condition.class, "await", long.class, TimeUnit.class);
    private static final JdkMethod AWAIT_NANOS = new JdkMethod(Condition.class, "awaitNanos", long.class);
    private static final JdkMethod AWAIT_UNTIL = new JdkMethod(Condition.class, "awaitUntil", Date.class);
    private static final JdkMethod TRY_READ_LOCK =
            new JdkMethod(StampedLock.class, "tryReadLock", long.class, TimeUnit.class);
    private static final JdkMethod TRY_WRITE_LOCK =
            new JdkMethod(StampedLock.class, "tryWriteLock", long.class, TimeUnit.class);

    private LockWaits() {
    }

    public static boolean tryLock(Lock lock, long time, TimeUnit unit, int site) throws InterruptedException {
        SyncPointHandler handler = Waits.handler(lock, TRY_LOCK, site);
        long nanos = handler == null ? 0 : unit.toNanos(time);
        if (nanos <= 0) {
            Waits.preempt(handler, lock, site);
            return LockOwnership.tried(lock, lock.tryLock(time, unit), site);
        }
        handler.lockAcquiring(lock, LockOwnership.BY_RECEIVER, site);
        return LockOwnership.tried(lock, Waits.timed(handler, lock, nanos, false, site,
                forever -> lock.tryLock(forever, TimeUnit.NANOSECONDS), ended -> false), site);
    }

    /** The untimed {@code await()}: no timeout to model, but the strategy may wake it spuriously. */
    public static void await(Condition condition, int site) throws InterruptedException {
        SyncPointHandler handler = Waits.handler(condition, AWAIT, site);
        if (handler == null) {
            condition.await();
            return;
        }
        // Untimed, so it ignores the endless timeout; racetest's interrupt is a spurious wake-up, after which
        // await returns normally.
        Waits.timed(handler, condition, -1, true, site, forever -> {
            condition.await();
            return null;
        }, ended -> null);
    }

    public static boolean await(Condition condition, long time, TimeUnit unit, int site) throws InterruptedException {
        SyncPointHandler handler = Waits.handler(condition, AWAIT_TIMED, site);
        long nanos = handler == null ? 0 : unit.toNanos(time);
        if (nanos <= 0) {
            Waits.preempt(handler, condition, site);
            return condition.await(time, unit);
        }
        return awaitFor(handler, condition, nanos, site);
    }

    public static long awaitNanos(Condition condition, long nanosTimeout, int site) throws InterruptedException {
        SyncPointHandler handler = Waits.handler(condition, AWAIT_NANOS, site);
        if (handler == null || nanosTimeout <= 0) {
            Waits.preempt(handler, condition, site);
            return condition.awaitNanos(nanosTimeout);
        }
        long start = handler.nanoTime();
        // The call's answer is on the real clock, so it is dropped: the virtual clock and how the wait ended
        // decide, a return by itself counting as COMPLETED.
        int ended = Waits.timed(handler, condition, nanosTimeout, true, site, forever -> {
            condition.awaitNanos(forever);
            return BlockingCall.COMPLETED;
        }, how -> how);
        // Overflow-free: nanosTimeout > 0 and the elapsed virtual time is >= 0.
        long remaining = nanosTimeout - (handler.nanoTime() - start);
        return switch (ended) {
            case BlockingCall.TIMED_OUT -> Math.min(remaining, 0);
            case BlockingCall.SPURIOUS -> Math.max(remaining, 1);
            default -> remaining;
        };
    }

    /** The deadline is on the virtual wall clock, as the rewritten {@code currentTimeMillis()} reads it. */
    public static boolean awaitUntil(Condition condition, Date deadline, int site) throws InterruptedException {
        SyncPointHandler handler = Waits.handler(condition, AWAIT_UNTIL, site);
        if (handler == null) {
            return condition.awaitUntil(deadline);
        }
        long nanos = Waits.millisToNanos(deadline.getTime() - handler.currentTimeMillis());
        if (nanos <= 0) {
            // Passed on the virtual clock, which the JDK's awaitUntil would compare with the real one:
            // release and reacquire without waiting instead.
            handler.libraryCall(condition, site);
            condition.awaitNanos(0);
            return false;
        }
        return awaitFor(handler, condition, nanos, site);
    }

    /**
     * {@code await(long, TimeUnit)} with a virtual timeout; it also serves {@code awaitUntil}, which is the
     * same wait on a JDK condition.
     */
    private static boolean awaitFor(SyncPointHandler handler, Condition condition, long nanos, int site)
            throws InterruptedException {
        return Waits.timed(handler, condition, nanos, true, site,
                forever -> condition.await(forever, TimeUnit.NANOSECONDS), ended -> ended == BlockingCall.SPURIOUS);
    }

    public static long tryReadLock(StampedLock lock, long time, TimeUnit unit, int site) throws InterruptedException {
        SyncPointHandler handler = Waits.handler(lock, TRY_READ_LOCK, site);
        long nanos = handler == null ? 0 : unit.toNanos(time);
        if (nanos <= 0) {
            Waits.preempt(handler, lock, site);
            return LockOwnership.stampAcquired(lock, lock.tryReadLock(time, unit), true, site);
        }
        handler.lockAcquiring(lock, LockOwnership.SHARED, site);
        return LockOwnership.stampAcquired(lock, Waits.timed(handler, lock, nanos, false, site,
                forever -> lock.tryReadLock(forever, TimeUnit.NANOSECONDS), ended -> 0L), true, site);
    }

    public static long tryWriteLock(StampedLock lock, long time, TimeUnit unit, int site) throws InterruptedException {
        SyncPointHandler handler = Waits.handler(lock, TRY_WRITE_LOCK, site);
        long nanos = handler == null ? 0 : unit.toNanos(time);
        if (nanos <= 0) {
            Waits.preempt(handler, lock, site);
            return LockOwnership.stampAcquired(lock, lock.tryWriteLock(time, unit), false, site);
        }
        handler.lockAcquiring(lock, LockOwnership.EXCLUSIVE, site);
        return LockOwnership.stampAcquired(lock, Waits.timed(handler, lock, nanos, false, site,
                forever -> lock.tryWriteLock(forever, TimeUnit.NANOSECONDS), ended -> 0L), false, site);
    }
}
