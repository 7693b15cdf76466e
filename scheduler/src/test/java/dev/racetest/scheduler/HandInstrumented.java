package dev.racetest.scheduler;

import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;

/**
 * Small programs written against {@link Hooks} by hand, exactly as the instrumenter would rewrite
 * them, so scheduler tests do not depend on the instrumenter.
 */
final class HandInstrumented {

    static final int READ = site(SyncPointKind.FIELD_READ, 10, "Counter.value");
    static final int WRITE = site(SyncPointKind.FIELD_WRITE, 11, "Counter.value");
    static final int LOCK = site(SyncPointKind.MONITOR_ENTER, 20, "synchronized block");
    static final int UNLOCK = site(SyncPointKind.MONITOR_EXIT, 21, "synchronized block");
    static final int START = site(SyncPointKind.THREAD_START, 30, "Thread.start");
    static final int JOIN = site(SyncPointKind.THREAD_JOIN, 31, "Thread.join");
    static final int WAIT = site(SyncPointKind.WAIT, 40, "Object.wait");
    static final int NOTIFY = site(SyncPointKind.NOTIFY_ALL, 41, "Object.notifyAll");
    static final int YIELD = site(SyncPointKind.THREAD_YIELD, 50, "Thread.yield");
    static final int LIBRARY = site(SyncPointKind.LIBRARY_CALL, 60, "ReentrantLock.lock");

    private HandInstrumented() {
    }

    private static int site(SyncPointKind kind, int line, String target) {
        return SyncSites.register(kind, "dev.racetest.scheduler.Program", "run", "Program.java", line, target).id();
    }

    static final class Counter {
        int value;
    }

    /** {@code counter.value++} with a scheduling point before the read and before the write. */
    static void racyIncrement(Counter counter) {
        Hooks.fieldRead(counter, READ);
        int seen = counter.value;
        Hooks.fieldWrite(counter, WRITE);
        counter.value = seen + 1;
    }

    /** {@code synchronized (counter) { counter.value++; }} */
    static void lockedIncrement(Counter counter) {
        locked(counter, () -> racyIncrement(counter));
    }

    /** {@code synchronized (lock) { action.run(); }} */
    static void locked(Object lock, Runnable action) {
        Hooks.monitorEnter(lock, LOCK);
        try {
            action.run();
        } finally {
            Hooks.monitorExit(lock, UNLOCK);
        }
    }

    static Thread start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        Hooks.threadCreated(thread); // as the rewritten constructor call would
        Hooks.threadStart(thread, START);
        return thread;
    }

    static void join(Thread thread) throws InterruptedException {
        Hooks.threadJoin(thread, JOIN);
    }

    /** Two threads each increment once, racily or under a lock, then the body checks the sum. */
    static TestBody twoIncrements(boolean locked) {
        return () -> {
            Counter counter = new Counter();
            Runnable increment = locked ? () -> lockedIncrement(counter) : () -> racyIncrement(counter);
            Thread first = start(increment, "first");
            Thread second = start(increment, "second");
            join(first);
            join(second);
            if (counter.value != 2) {
                throw new AssertionError("expected 2 increments but counted " + counter.value);
            }
        };
    }

    /** Each thread takes {@code a} then {@code b} in the order given: opposite orders can deadlock. */
    static TestBody lockOrder() {
        return () -> {
            Object a = new Object();
            Object b = new Object();
            Thread first = start(() -> both(a, b), "first");
            Thread second = start(() -> both(b, a), "second");
            join(first);
            join(second);
        };
    }

    private static void both(Object outer, Object inner) {
        Hooks.monitorEnter(outer, LOCK);
        try {
            Hooks.monitorEnter(inner, LOCK);
            Hooks.monitorExit(inner, UNLOCK);
        } finally {
            Hooks.monitorExit(outer, UNLOCK);
        }
    }
}
