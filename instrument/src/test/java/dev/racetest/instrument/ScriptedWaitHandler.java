package dev.racetest.instrument;

import dev.racetest.instrument.hooks.BlockingCall;
import dev.racetest.instrument.hooks.SyncPointHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A handler that ends every blocking call the way the test says, as the runtime would: for
 * {@link BlockingCall#TIMED_OUT} and {@link BlockingCall#SPURIOUS} its {@code blockingCallBegin} interrupts
 * the thread (or unparks it, for {@code park}) so the JDK call gives up at once, moves the virtual clock,
 * and its {@code blockingCallEnd} hides that interrupt again. {@link BlockingCall#COMPLETED} leaves the JDK
 * call alone, so it must be able to return by itself.
 *
 * <p>Records the calls the wait hooks make; every other sync point is unexpected and fails the test.
 */
final class ScriptedWaitHandler implements SyncPointHandler {

    /** One {@code blockingCallBegin}. */
    record Begin(Object target, long timeoutNanos, boolean spurious, boolean byUnpark) {
    }

    /** One call of a method that models a JDK call directly, such as {@code threadSleep}. */
    record Modelled(String method, Object target, long nanos) {
    }

    private final int ending;
    private final List<Begin> begins = new ArrayList<>();
    private final List<Object> libraryCalls = new ArrayList<>();
    private final List<Modelled> modelled = new ArrayList<>();
    private int ends;
    private boolean armed;
    private boolean endsByInterrupt;
    private long nanoTime = 1_000_000_000L;

    /** Virtual wall clock: fixed, far from the real one, so a test notices which clock a hook reads. */
    static final long WALL_CLOCK_MILLIS = 86_400_000L;

    ScriptedWaitHandler(int ending) {
        this.ending = ending;
    }

    List<Begin> begins() {
        return begins;
    }

    List<Object> libraryCalls() {
        return libraryCalls;
    }

    List<Modelled> modelled() {
        return modelled;
    }

    int ends() {
        return ends;
    }

    @Override
    public void blockingCallBegin(Object target, long timeoutNanos, boolean spurious, boolean byUnpark, int site) {
        if (armed) {
            throw new AssertionError("blockingCallBegin twice without blockingCallEnd");
        }
        armed = true;
        begins.add(new Begin(target, timeoutNanos, spurious, byUnpark));
        if (ending == BlockingCall.COMPLETED) {
            endsByInterrupt = false;
            return;
        }
        // Time passes on the virtual clock: all of the timeout, or half of it for a spurious wake-up.
        if (timeoutNanos > 0) {
            nanoTime += ending == BlockingCall.TIMED_OUT ? timeoutNanos : timeoutNanos / 2;
        }
        endsByInterrupt = !byUnpark;
        if (byUnpark) {
            LockSupport.unpark(Thread.currentThread());
        } else {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int blockingCallEnd() {
        if (!armed) {
            throw new AssertionError("blockingCallEnd without blockingCallBegin");
        }
        armed = false;
        ends++;
        if (endsByInterrupt) {
            Thread.interrupted(); // hide our interrupt if the JDK call did not consume it
        }
        return ending;
    }

    @Override
    public void libraryCall(Object target, int site) {
        libraryCalls.add(target);
    }

    @Override
    public void apiAccess(Object receiver, boolean view, int site) {
    }

    @Override
    public void apiView(Object view, Object receiver, boolean receiverIsView, boolean entry) {
    }

    @Override
    public void bufferAccess(Object buffer, boolean stateWrite, Object heapBase, long address, long length,
                             boolean write, int site) {
    }

    @Override
    public long nanoTime() {
        return nanoTime;
    }

    @Override
    public long currentTimeMillis() {
        return WALL_CLOCK_MILLIS;
    }

    @Override
    public void threadSleep(long nanos, int site) {
        modelled.add(new Modelled("threadSleep", null, nanos));
    }

    @Override
    public boolean threadJoin(Thread thread, long timeoutNanos, int site) {
        modelled.add(new Modelled("threadJoin", thread, timeoutNanos));
        return true;
    }

    @Override
    public void objectWait(Object monitor, long timeoutNanos, int site) {
        modelled.add(new Modelled("objectWait", monitor, timeoutNanos));
    }

    @Override
    public void threadUnpark(Thread thread, int site) {
        modelled.add(new Modelled("threadUnpark", thread, 0));
    }

    // Nothing else is expected from the wait hooks.

    private static AssertionError unexpected() {
        return new AssertionError("unexpected sync point in a wait hook test");
    }

    @Override
    public void fieldAccess(Object owner, boolean write, int site) {
        throw unexpected();
    }

    @Override
    public void arrayAccess(Object array, int index, boolean write, int site) {
        throw unexpected();
    }

    @Override
    public void monitorEnter(Object monitor, int site) {
        throw unexpected();
    }

    @Override
    public void monitorExit(Object monitor, int site) {
        throw unexpected();
    }

    @Override
    public void objectNotify(Object monitor, boolean all, int site) {
        throw unexpected();
    }

    @Override
    public boolean holdsLock(Object monitor) {
        throw unexpected();
    }

    @Override
    public void threadStart(Thread thread, int site) {
        throw unexpected();
    }

    @Override
    public Thread currentThread() {
        return Thread.currentThread();
    }

    @Override
    public void threadYield(int site) {
        throw unexpected();
    }

    @Override
    public void threadInterrupt(Thread thread, int site) {
        throw unexpected();
    }

    @Override
    public boolean threadIsInterrupted(Thread thread) {
        return thread.isInterrupted();
    }

    @Override
    public boolean threadInterrupted() {
        return Thread.interrupted();
    }

    @Override
    public boolean threadIsAlive(Thread thread) {
        return thread.isAlive();
    }

    @Override
    public void atomicAccess(Object atomic, int site) {
        throw unexpected();
    }

    @Override
    public void staticInitializerEnter() {
    }

    @Override
    public void staticInitializerExit() {
    }

    @Override
    public int identityHashCode(Object object) {
        return System.identityHashCode(object);
    }

    @Override
    public long nextRandomSeed() {
        return 7;
    }

    @Override
    public Thread adoptThread(Thread userThread) {
        return userThread;
    }

    @Override
    public void threadCreated(Thread thread) {
    }

    @Override
    public Thread.State threadState(Thread thread) {
        return thread.getState();
    }

    @Override
    public long threadId(Thread thread) {
        return thread.threadId();
    }
}
