package dev.racetest.instrument.hooks;

import java.util.concurrent.locks.LockSupport;

/**
 * Stand in for {@code LockSupport}'s {@code park} family and {@code unpark} at call sites in rewritten code.
 *
 * <p>A controlled thread parks untimed, bracketed by {@code blockingCallBegin}/{@code blockingCallEnd}
 * with the timeout on the virtual clock and spurious wake-ups allowed, as {@code park} allows them:
 * racetest ends the park with {@code unpark} when the strategy lets the timeout expire or picks a spurious
 * wake-up, and {@code park} returns without saying why, so neither does this class. A timeout that has
 * already expired returns at once, after a preemption point. {@code unpark} goes through the handler,
 * because the {@code Thread} object user code holds is not the virtual thread that actually parks.
 * Uncontrolled threads get {@code LockSupport} itself.
 */
public final class ParkCalls {

    private ParkCalls() {
    }

    public static void park(int site) {
        park(null, site);
    }

    public static void park(Object blocker, int site) {
        SyncPointHandler handler = Hooks.handler(site);
        if (handler == UncontrolledHandler.INSTANCE) {
            LockSupport.park(blocker);
        } else {
            parkFor(handler, blocker, -1, site);
        }
    }

    public static void parkNanos(long nanos, int site) {
        parkNanos(null, nanos, site);
    }

    public static void parkNanos(Object blocker, long nanos, int site) {
        SyncPointHandler handler = Hooks.handler(site);
        if (handler == UncontrolledHandler.INSTANCE) {
            LockSupport.parkNanos(blocker, nanos);
        } else if (nanos <= 0) {
            handler.libraryCall(blocker, site);
        } else {
            parkFor(handler, blocker, nanos, site);
        }
    }

    /** {@code deadline} is on the virtual wall clock, as the rewritten {@code currentTimeMillis()} reads it. */
    public static void parkUntil(long deadline, int site) {
        parkUntil(null, deadline, site);
    }

    public static void parkUntil(Object blocker, long deadline, int site) {
        SyncPointHandler handler = Hooks.handler(site);
        if (handler == UncontrolledHandler.INSTANCE) {
            LockSupport.parkUntil(blocker, deadline);
            return;
        }
        long nanos = Waits.millisToNanos(deadline - handler.currentTimeMillis());
        if (nanos <= 0) {
            handler.libraryCall(blocker, site);
        } else {
            parkFor(handler, blocker, nanos, site);
        }
    }

    /** Like {@code LockSupport.unpark}, {@code null} is ignored. */
    public static void unpark(Thread thread, int site) {
        if (thread != null) {
            Hooks.handler(site).threadUnpark(thread, site);
        }
    }

    /**
     * Park untimed until another thread or racetest unparks; {@code nanos} is {@code -1} for an untimed park.
     * Not {@link Waits#timed}: racetest ends a park with {@code unpark}, not an interrupt, so there is no
     * {@code InterruptedException} to tell apart and no timeout result to give.
     */
    private static void parkFor(SyncPointHandler handler, Object blocker, long nanos, int site) {
        handler.blockingCallBegin(blocker, nanos, true, true, site);
        try {
            LockSupport.park(blocker);
        } finally {
            handler.blockingCallEnd();
        }
    }
}
