package dev.racetest.instrument.hooks;

import java.util.concurrent.TimeUnit;

/**
 * The plain JDK behaviour, for threads racetest does not control.
 *
 * <p>Rewritten code no longer contains {@code monitorenter}/{@code monitorexit}, so monitors here are
 * real locks from {@link FallbackMonitors}. They exclude other uncontrolled threads only: a controlled
 * thread's monitors live in the scheduler's model. Mixing both on one object is a thread escaping
 * control, which the scheduler reports.
 */
final class UncontrolledHandler implements SyncPointHandler {

    static final UncontrolledHandler INSTANCE = new UncontrolledHandler();

    private UncontrolledHandler() {
    }

    @Override
    public void fieldAccess(Object owner, boolean write, int site) {
    }

    @Override
    public void arrayAccess(Object array, int index, boolean write, int site) {
    }

    @Override
    public void atomicAccess(Object atomic, int site) {
    }

    @Override
    public void monitorEnter(Object monitor, int site) {
        FallbackMonitors.of(monitor).lock().lock();
    }

    @Override
    public void monitorExit(Object monitor, int site) {
        FallbackMonitors.FallbackMonitor fallback = FallbackMonitors.of(monitor);
        if (!fallback.lock().isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("current thread does not own the monitor it exits");
        }
        fallback.lock().unlock();
    }

    @Override
    public void objectWait(Object monitor, long timeoutNanos, int site) throws InterruptedException {
        FallbackMonitors.FallbackMonitor fallback = owned(monitor);
        if (timeoutNanos == 0) {
            fallback.condition().await();
        } else {
            fallback.condition().await(timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void objectNotify(Object monitor, boolean all, int site) {
        FallbackMonitors.FallbackMonitor fallback = owned(monitor);
        if (all) {
            fallback.condition().signalAll();
        } else {
            fallback.condition().signal();
        }
    }

    @Override
    public boolean holdsLock(Object monitor) {
        return FallbackMonitors.of(monitor).lock().isHeldByCurrentThread();
    }

    @Override
    public void threadStart(Thread thread, int site) {
        thread.start();
    }

    @Override
    public boolean threadJoin(Thread thread, long timeoutNanos, int site) throws InterruptedException {
        if (timeoutNanos == 0) {
            thread.join();
        } else if (timeoutNanos > 0) {
            TimeUnit.NANOSECONDS.timedJoin(thread, timeoutNanos);
        }
        return !thread.isAlive();
    }

    @Override
    public Thread currentThread() {
        return Thread.currentThread();
    }

    @Override
    public void threadSleep(long nanos, int site) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(nanos);
    }

    @Override
    public void threadYield(int site) {
        Thread.yield();
    }

    @Override
    public void threadInterrupt(Thread thread, int site) {
        thread.interrupt();
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
    public void staticInitializerEnter() {
    }

    @Override
    public void staticInitializerExit() {
    }

    @Override
    public void libraryCall(Object target, int site) {
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
    public void blockingCallBegin(Object target, long timeoutNanos, boolean spurious, boolean byUnpark, int site) {
    }

    @Override
    public int blockingCallEnd() {
        return BlockingCall.COMPLETED;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public int identityHashCode(Object object) {
        return System.identityHashCode(object);
    }

    @Override
    public long nextRandomSeed() {
        return java.util.concurrent.ThreadLocalRandom.current().nextLong();
    }

    @Override
    public Thread adoptThread(Thread userThread) {
        return userThread;
    }

    @Override
    public void threadCreated(Thread thread) {
    }

    @Override
    public void threadUnpark(Thread thread, int site) {
        java.util.concurrent.locks.LockSupport.unpark(thread);
    }

    @Override
    public Thread.State threadState(Thread thread) {
        return thread.getState();
    }

    @Override
    public long threadId(Thread thread) {
        return thread.threadId();
    }

    private static FallbackMonitors.FallbackMonitor owned(Object monitor) {
        FallbackMonitors.FallbackMonitor fallback = FallbackMonitors.of(monitor);
        if (!fallback.lock().isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("current thread is not owner");
        }
        return fallback;
    }
}
