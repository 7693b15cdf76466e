package dev.racetest.instrument.hooks;

/**
 * What the wait hooks ({@link LockWaits}, {@link SynchronizerWaits}, {@link QueueWaits},
 * {@link FutureWaits}) share.
 *
 * <p>Each of them follows one shape. Uncontrolled, or on a receiver that does not run the JDK's code:
 * the call as written. A timeout that does not wait ({@code <= 0}): a preemption point, then the call as
 * written. Otherwise {@code blockingCallBegin} with the timeout on the virtual clock, the same call with
 * an endless timeout ({@link #FOREVER} nanoseconds), and {@code blockingCallEnd} exactly once: in the
 * {@code catch} when the call threw {@code InterruptedException} (its answer says whether racetest sent
 * that interrupt to end the wait, which then becomes the call's timeout result), in the {@code finally}
 * otherwise ({@link #WAITING} says it has not been called yet).
 *
 * <p>The endless timeout is safe because the JDK computes deadlines as {@code System.nanoTime() + nanos}
 * and compares by difference, which stays correct when that sum wraps around.
 */
final class Waits {

    /** The timeout, in nanoseconds, that stands for "until racetest or another thread ends the wait". */
    static final long FOREVER = Long.MAX_VALUE;

    /** The {@code ended} value of a wait hook before {@code blockingCallEnd} has been called. */
    static final int WAITING = -1;

    private Waits() {
    }

    /**
     * Return the handler that brackets the call at {@code site}, or {@code null} when the call must run as
     * written: the thread is not controlled (and is reported, as at every sync point), or {@code receiver}
     * does not run the JDK's code for {@code method}.
     */
    static SyncPointHandler handler(Object receiver, JdkMethod method, int site) {
        SyncPointHandler handler = Hooks.handler(site);
        return handler == UncontrolledHandler.INSTANCE || !method.runsJdkCode(receiver) ? null : handler;
    }

    /** A preemption point before a call that will not wait, when the thread is controlled ({@code handler != null}). */
    static void preempt(SyncPointHandler handler, Object target, int site) {
        if (handler != null) {
            handler.libraryCall(target, site);
        }
    }

    /** Convert a time span in milliseconds to nanoseconds, saturating instead of overflowing. */
    static long millisToNanos(long millis) {
        if (millis > Long.MAX_VALUE / 1_000_000) {
            return Long.MAX_VALUE;
        }
        if (millis < Long.MIN_VALUE / 1_000_000) {
            return Long.MIN_VALUE;
        }
        return millis * 1_000_000;
    }
}
