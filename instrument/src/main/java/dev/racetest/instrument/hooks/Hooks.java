package dev.racetest.instrument.hooks;

import java.time.Duration;

/**
 * The static entry points that rewritten bytecode calls at every synchronisation point.
 *
 * <p>Each method forwards to the {@link SyncPointHandler} bound to the calling thread. A thread with no
 * handler (a thread racetest does not control, or code running outside an exploration) gets the
 * plain JDK behaviour from {@link UncontrolledHandler}, so instrumented classes stay correct wherever
 * they run.
 *
 * <p>The signatures mirror the instructions they replace with the site id appended, so a rewriter
 * swaps one instruction for a constant push and an {@code invokestatic} without touching the operand
 * stack. Keep this surface small and stable: every method here is a promise to already-rewritten
 * bytecode.
 */
public final class Hooks {

    private static final ThreadLocal<SyncPointHandler> HANDLER = new ThreadLocal<>();

    /** Told about sync points reached by uncontrolled threads; {@code null} when nobody listens. */
    private static volatile UncontrolledThreadListener uncontrolledListener;

    private Hooks() {
    }

    /** Binds {@code handler} to the calling thread until {@link #unbind()}; called by the scheduler. */
    public static void bind(SyncPointHandler handler) {
        HANDLER.set(handler);
    }

    /** Removes the calling thread's handler. */
    public static void unbind() {
        HANDLER.remove();
    }

    /** Returns the handler bound to the calling thread, or {@code null} when it is not controlled. */
    public static SyncPointHandler boundHandler() {
        return HANDLER.get();
    }

    /** Installs the listener told about uncontrolled threads at sync points; {@code null} removes it. */
    public static void setUncontrolledThreadListener(UncontrolledThreadListener listener) {
        uncontrolledListener = listener;
    }

    /**
     * The calling thread's handler, or the plain JDK behaviour when it is uncontrolled; for queries
     * that are not sync points. Shared with the other hook classes of this package.
     */
    static SyncPointHandler handler() {
        SyncPointHandler handler = HANDLER.get();
        return handler != null ? handler : UncontrolledHandler.INSTANCE;
    }

    /** The handler for a sync point at {@code site}; reports the calling thread when it is uncontrolled. */
    static SyncPointHandler handler(int site) {
        SyncPointHandler handler = HANDLER.get();
        if (handler != null) {
            return handler;
        }
        uncontrolled(site);
        return UncontrolledHandler.INSTANCE;
    }

    private static void uncontrolled(int site) {
        UncontrolledThreadListener listener = uncontrolledListener;
        if (listener != null) {
            listener.uncontrolledSyncPoint(Thread.currentThread(), site);
        }
    }

    // Memory accesses: nothing to do outside a controlled thread, so skip the fallback's virtual call.

    public static void fieldRead(Object owner, int site) {
        SyncPointHandler handler = HANDLER.get();
        if (handler != null) {
            handler.fieldAccess(owner, false, site);
        } else {
            uncontrolled(site);
        }
    }

    public static void fieldWrite(Object owner, int site) {
        SyncPointHandler handler = HANDLER.get();
        if (handler != null) {
            handler.fieldAccess(owner, true, site);
        } else {
            uncontrolled(site);
        }
    }

    public static void arrayRead(Object array, int index, int site) {
        SyncPointHandler handler = HANDLER.get();
        if (handler != null) {
            handler.arrayAccess(array, index, false, site);
        } else {
            uncontrolled(site);
        }
    }

    public static void arrayWrite(Object array, int index, int site) {
        SyncPointHandler handler = HANDLER.get();
        if (handler != null) {
            handler.arrayAccess(array, index, true, site);
        } else {
            uncontrolled(site);
        }
    }

    public static void atomic(Object atomic, int site) {
        SyncPointHandler handler = HANDLER.get();
        if (handler != null) {
            handler.atomicAccess(atomic, site);
        } else {
            uncontrolled(site);
        }
    }

    // Monitors. monitorenter on null must still throw NullPointerException, as the JVM would.

    public static void monitorEnter(Object monitor, int site) {
        if (monitor == null) {
            throw new NullPointerException("Cannot enter synchronized block because the monitor is null");
        }
        handler(site).monitorEnter(monitor, site);
    }

    public static void monitorExit(Object monitor, int site) {
        if (monitor == null) {
            throw new NullPointerException("Cannot exit synchronized block because the monitor is null");
        }
        handler(site).monitorExit(monitor, site);
    }

    public static void objectWait(Object monitor, int site) throws InterruptedException {
        handler(site).objectWait(monitor, 0, site);
    }

    public static void objectWait(Object monitor, long millis, int site) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        handler(site).objectWait(monitor, toNanos(millis, 0), site);
    }

    public static void objectWait(Object monitor, long millis, int nanos, int site) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (nanos < 0 || nanos > 999_999) {
            throw new IllegalArgumentException("nanosecond timeout value out of range");
        }
        handler(site).objectWait(monitor, toNanos(millis, nanos), site);
    }

    public static void objectNotify(Object monitor, int site) {
        handler(site).objectNotify(monitor, false, site);
    }

    public static void objectNotifyAll(Object monitor, int site) {
        handler(site).objectNotify(monitor, true, site);
    }

    public static boolean holdsLock(Object monitor) {
        if (monitor == null) {
            throw new NullPointerException("monitor must not be null");
        }
        return handler().holdsLock(monitor);
    }

    // Threads.

    public static void threadStart(Thread thread, int site) {
        handler(site).threadStart(thread, site);
    }

    public static void threadJoin(Thread thread, int site) throws InterruptedException {
        handler(site).threadJoin(thread, 0, site);
    }

    public static void threadJoin(Thread thread, long millis, int site) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        handler(site).threadJoin(thread, toNanos(millis, 0), site);
    }

    public static void threadJoin(Thread thread, long millis, int nanos, int site) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (nanos < 0 || nanos > 999_999) {
            throw new IllegalArgumentException("nanosecond timeout value out of range");
        }
        handler(site).threadJoin(thread, toNanos(millis, nanos), site);
    }

    public static boolean threadJoin(Thread thread, Duration duration, int site) throws InterruptedException {
        // Thread.join(Duration) treats zero and negative durations as "check, do not wait".
        long nanos = duration.isNegative() || duration.isZero() ? -1 : saturatedNanos(duration);
        return handler(site).threadJoin(thread, nanos, site);
    }

    /** After a {@code Thread} constructor returned (a {@code new} expression or a subclass's {@code super(...)}). */
    public static void threadCreated(Thread thread) {
        SyncPointHandler handler = HANDLER.get();
        if (handler != null) {
            handler.threadCreated(thread);
        }
    }

    public static Thread currentThread() {
        return handler().currentThread();
    }

    public static void sleep(long millis, int site) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        handler(site).threadSleep(toNanos(millis, 0), site);
    }

    public static void sleep(long millis, int nanos, int site) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (nanos < 0 || nanos > 999_999) {
            throw new IllegalArgumentException("nanosecond timeout value out of range");
        }
        handler(site).threadSleep(toNanos(millis, nanos), site);
    }

    public static void sleep(Duration duration, int site) throws InterruptedException {
        handler(site).threadSleep(duration.isNegative() ? 0 : saturatedNanos(duration), site);
    }

    public static void yield(int site) {
        handler(site).threadYield(site);
    }

    public static void onSpinWait(int site) {
        handler(site).threadYield(site);
    }

    public static void interrupt(Thread thread, int site) {
        handler(site).threadInterrupt(thread, site);
    }

    public static boolean isInterrupted(Thread thread) {
        return handler().threadIsInterrupted(thread);
    }

    public static boolean interrupted() {
        return handler().threadInterrupted();
    }

    public static boolean isAlive(Thread thread) {
        return handler().threadIsAlive(thread);
    }

    /** Called first in every rewritten {@code <clinit>}. */
    public static void staticInitializerEnter() {
        SyncPointHandler handler = HANDLER.get();
        if (handler != null) {
            handler.staticInitializerEnter();
        }
    }

    /** Called on every exit, normal or exceptional, of a rewritten {@code <clinit>}. */
    public static void staticInitializerExit() {
        SyncPointHandler handler = HANDLER.get();
        if (handler != null) {
            handler.staticInitializerExit();
        }
    }

    /** Converts a JDK-style (millis, nanos) timeout; {@code 0} stays {@code 0}, meaning "untimed". */
    private static long toNanos(long millis, int nanos) {
        if (millis == 0 && nanos == 0) {
            return 0;
        }
        long base = millis >= Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE : millis * 1_000_000;
        return base > Long.MAX_VALUE - nanos ? Long.MAX_VALUE : Math.max(1, base + nanos);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return Math.max(1, duration.toNanos());
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }
}
