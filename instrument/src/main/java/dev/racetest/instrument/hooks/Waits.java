package dev.racetest.instrument.hooks;

import java.util.concurrent.TimeoutException;

/**
 * What the wait hooks ({@link LockWaits}, {@link SynchronizerWaits}, {@link QueueWaits},
 * {@link FutureWaits}) share.
 *
 * <p>Each of them follows one shape. Uncontrolled, or on a receiver that does not run the JDK's code:
 * the call as written. A timeout that does not wait ({@code <= 0}): a preemption point, then the call as
 * written. Otherwise the bracket of {@link #timed}: {@code blockingCallBegin} with the timeout on the
 * virtual clock, the same call with an endless timeout ({@link #FOREVER} nanoseconds), and
 * {@code blockingCallEnd} exactly once.
 *
 * <p>The endless timeout is safe because the JDK computes deadlines as {@code System.nanoTime() + nanos}
 * and compares by difference, which stays correct when that sum wraps around.
 */
final class Waits {

    /** The timeout, in nanoseconds, that stands for "until racetest or another thread ends the wait". */
    static final long FOREVER = Long.MAX_VALUE;

    /** The {@code ended} value of {@link #timed} before {@code blockingCallEnd} has been called. */
    private static final int WAITING = -1;

    private Waits() {
    }

    /**
     * A JDK call that waits, made with the timeout it is given, in nanoseconds. Besides
     * {@code InterruptedException} it may throw up to two checked exceptions of the call's own: javac
     * infers the exceptions a lambda throws as their common supertype, so a caller whose call throws two
     * ({@code Future.get}, {@code CyclicBarrier.await}) names them as type arguments of {@link #timed}.
     */
    @FunctionalInterface
    interface TimedCall<T, X extends Exception, Y extends Exception> {
        T call(long nanos) throws InterruptedException, X, Y;
    }

    /**
     * The result of a call that racetest ended, from how it ended ({@link BlockingCall#TIMED_OUT} or
     * {@link BlockingCall#SPURIOUS}): the call's timeout result, or its {@code TimeoutException}.
     */
    @FunctionalInterface
    interface TimedOut<T, Y extends Exception> {
        T result(int ended) throws Y;
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

    /**
     * Make {@code call} with an endless timeout, bracketed by {@code blockingCallBegin} with {@code nanos}
     * on the virtual clock ({@code -1} for an untimed call) and {@code blockingCallEnd} exactly once. When
     * the call throws {@code InterruptedException}, the answer of {@code blockingCallEnd} says whether
     * racetest sent that interrupt to end the wait: if not, the interrupt is the caller's and propagates;
     * if so, the result is {@code timedOut}'s. Otherwise the result is the call's.
     *
     * <p>racetest ends these waits with an interrupt; {@code park}, which it ends with {@code unpark}
     * instead, keeps its own bracket in {@link ParkCalls}.
     */
    static <T, X extends Exception, Y extends Exception> T timed(
            SyncPointHandler handler, Object target, long nanos, boolean spurious, int site,
            TimedCall<T, X, Y> call, TimedOut<T, Y> timedOut) throws InterruptedException, X, Y {
        handler.blockingCallBegin(target, nanos, spurious, false, site);
        int ended = WAITING;
        try {
            return call.call(FOREVER);
        } catch (InterruptedException interrupt) {
            if ((ended = handler.blockingCallEnd()) == BlockingCall.COMPLETED) {
                throw interrupt;
            }
            return timedOut.result(ended);
        } finally {
            if (ended == WAITING) {
                handler.blockingCallEnd();
            }
        }
    }

    /** The timeout result of the waits that report a timeout by throwing, as {@code Future.get} does. */
    static <T> T timeoutException(int ended) throws TimeoutException {
        throw new TimeoutException();
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
