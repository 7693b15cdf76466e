package dev.racetest.instrument;

import dev.racetest.instrument.hooks.SyncPointHandler;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.instrument.hooks.SyncSites;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Record every hook call of one thread, with just enough real semantics for single-threaded fixtures.
 *
 * <p>Monitors are reentrant counts (nobody else competes), {@code wait} returns at once (a spurious
 * wakeup, which callers must tolerate anyway), the thread queries answer for real threads.
 */
final class RecordingHandler implements SyncPointHandler {

    /** One hook call: what the site says, and the object it was about ({@code null} for statics). */
    record Event(SyncPointKind kind, String target, int line, Object subject, int site) {
        @Override
        public String toString() {
            return kind + " " + target + " @" + line;
        }
    }

    private final List<Event> events = new ArrayList<>();
    /** API accesses, kept apart from the scheduling points: {@code "Map.put @12"}, or {@code "view Map.put @12"}. */
    private final List<String> apiAccesses = new ArrayList<>();
    /** {@code "result class <- receiver class"} for every view the API hooks passed on. */
    private final List<String> apiViews = new ArrayList<>();
    private final List<String> initializers = new ArrayList<>();
    private final Map<Object, Integer> held = new IdentityHashMap<>();

    List<Event> events() {
        return events;
    }

    List<String> apiAccesses() {
        return apiAccesses;
    }

    List<String> apiViews() {
        return apiViews;
    }

    /** Return {@code "enter"} and {@code "exit"} for every static initialiser bracket, in order. */
    List<String> initializers() {
        return initializers;
    }

    /** Return the events as {@code "KIND target @line"} strings, for exact sequence assertions. */
    List<String> lines() {
        return events.stream().map(Event::toString).toList();
    }

    private void record(int site, Object subject) {
        SyncSite syncSite = SyncSites.get(site);
        events.add(new Event(syncSite.kind(), syncSite.target(), syncSite.line(), subject, site));
    }

    @Override
    public void fieldAccess(Object owner, boolean write, int site) {
        record(site, owner);
    }

    @Override
    public void arrayAccess(Object array, int index, boolean write, int site) {
        record(site, array);
    }

    @Override
    public void monitorEnter(Object monitor, int site) {
        record(site, monitor);
        held.merge(monitor, 1, Integer::sum);
    }

    @Override
    public void monitorExit(Object monitor, int site) {
        record(site, monitor);
        Integer count = held.get(monitor);
        if (count == null) {
            throw new IllegalMonitorStateException("recording handler: monitor not held");
        }
        if (count == 1) {
            held.remove(monitor);
        } else {
            held.put(monitor, count - 1);
        }
    }

    @Override
    public void objectWait(Object monitor, long timeoutNanos, int site) {
        requireHeld(monitor);
        record(site, monitor);
    }

    @Override
    public void objectNotify(Object monitor, boolean all, int site) {
        requireHeld(monitor);
        record(site, monitor);
    }

    private void requireHeld(Object monitor) {
        if (!held.containsKey(monitor)) {
            throw new IllegalMonitorStateException("current thread is not owner");
        }
    }

    @Override
    public boolean holdsLock(Object monitor) {
        return held.containsKey(monitor);
    }

    @Override
    public void threadStart(Thread thread, int site) {
        record(site, thread);
        thread.start();
    }

    @Override
    public boolean threadJoin(Thread thread, long timeoutNanos, int site) throws InterruptedException {
        record(site, thread);
        thread.join();
        return true;
    }

    @Override
    public Thread currentThread() {
        return Thread.currentThread();
    }

    @Override
    public void threadSleep(long nanos, int site) {
        record(site, null);
    }

    @Override
    public void threadYield(int site) {
        record(site, null);
    }

    @Override
    public void threadInterrupt(Thread thread, int site) {
        record(site, thread);
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
    public void atomicAccess(Object atomic, int site) {
        record(site, atomic);
    }

    @Override
    public void staticInitializerEnter() {
        initializers.add("enter");
    }

    @Override
    public void staticInitializerExit() {
        initializers.add("exit");
    }

    @Override
    public void libraryCall(Object target, int site) {
        record(site, target);
    }

    @Override
    public void apiAccess(Object receiver, boolean view, int site) {
        SyncSite syncSite = SyncSites.get(site);
        apiAccesses.add((view ? "view " : "") + syncSite.target() + " @" + syncSite.line());
    }

    @Override
    public void apiView(Object view, Object receiver, boolean receiverIsView, boolean entry) {
        apiViews.add(view.getClass().getName() + " <- " + receiver.getClass().getName() + (entry ? " (entry)" : ""));
    }

    @Override
    public void bufferAccess(Object buffer, boolean stateWrite, Object heapBase, long address, long length,
                             boolean write, int site) {
        SyncSite syncSite = SyncSites.get(site);
        apiAccesses.add(syncSite.target() + (stateWrite ? " moves" : "") + (length == 0 ? ""
                : (write ? " writes " : " reads ") + length + " bytes at "
                        + (heapBase == null ? "native" : heapBase.getClass().getSimpleName()) + "+"
                        + (heapBase == null ? "?" : String.valueOf(address))) + " @" + syncSite.line());
    }

    @Override
    public void blockingCallBegin(Object target, long timeoutNanos, boolean spurious, boolean byUnpark, int site) {
        record(site, target);
    }

    @Override
    public int blockingCallEnd() {
        return dev.racetest.instrument.hooks.BlockingCall.COMPLETED;
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
        return 42;
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
        record(site, thread);
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
}
