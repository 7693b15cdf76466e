package dev.racetest.sample;

import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.LibraryHooks;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.scheduler.TestBody;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Programs for the race detector, written against the hooks by hand as the instrumenter would rewrite
 * them. They live outside {@code dev.racetest.scheduler} so that their frames count as the user's in a
 * report's stacks.
 */
public final class RacePrograms {

    private static final String CLASS = RacePrograms.class.getName();

    static final int READ_VALUE = field(SyncPointKind.FIELD_READ, 10, "Box.value", false);
    static final int WRITE_VALUE = field(SyncPointKind.FIELD_WRITE, 11, "Box.value", false);
    static final int READ_FLAG = field(SyncPointKind.VOLATILE_READ, 12, "Box.ready", false);
    static final int WRITE_FLAG = field(SyncPointKind.VOLATILE_WRITE, 13, "Box.ready", false);
    static final int READ_INSTANCE = field(SyncPointKind.FIELD_READ, 14, "Lazy.instance", false);
    static final int WRITE_INSTANCE = field(SyncPointKind.FIELD_WRITE, 15, "Lazy.instance", false);
    static final int READ_HITS = field(SyncPointKind.FIELD_READ, 16, "Stats.hits", true);
    static final int WRITE_HITS = field(SyncPointKind.FIELD_WRITE, 17, "Stats.hits", true);
    static final int READ_MISSES = field(SyncPointKind.FIELD_READ, 18, "Stats.misses", false);
    static final int WRITE_MISSES = field(SyncPointKind.FIELD_WRITE, 19, "Stats.misses", false);
    static final int READ_SLOT = site(SyncPointKind.ARRAY_READ, 20, "int[]");
    static final int WRITE_SLOT = site(SyncPointKind.ARRAY_WRITE, 21, "int[]");
    static final int LOCK = site(SyncPointKind.MONITOR_ENTER, 30, "synchronized block");
    static final int UNLOCK = site(SyncPointKind.MONITOR_EXIT, 31, "synchronized block");
    static final int START = site(SyncPointKind.THREAD_START, 32, "Thread.start");
    static final int JOIN = site(SyncPointKind.THREAD_JOIN, 33, "Thread.join");
    static final int ATOMIC = site(SyncPointKind.ATOMIC, 34, "AtomicBoolean.get");
    static final int QUEUE = site(SyncPointKind.LIBRARY_CALL, 35, "LinkedBlockingQueue.put");

    /** The field name {@code racetest.races.benign} would list for {@code Stats.misses}. */
    public static final String MISSES_FIELD = CLASS + "$Stats.misses";

    private RacePrograms() {
    }

    private static int field(SyncPointKind kind, int line, String target, boolean benign) {
        String owner = CLASS + "$" + target.substring(0, target.indexOf('.'));
        String field = owner + target.substring(target.indexOf('.'));
        return SyncSites.register(kind, CLASS, "run", "RacePrograms.java", line, target, field, benign).id();
    }

    private static int site(SyncPointKind kind, int line, String target) {
        return SyncSites.register(kind, CLASS, "run", "RacePrograms.java", line, target).id();
    }

    static final class Box {
        int value;
        volatile boolean ready;
    }

    static final class Lazy {
        Box instance;
    }

    static final class Stats {
        int hits;
        int misses;
    }

    // ---- the accesses, each exactly as rewritten code does them ----

    static void writeValue(Box box, int value) {
        Hooks.fieldWrite(box, WRITE_VALUE);
        box.value = value;
    }

    static int readValue(Box box) {
        Hooks.fieldRead(box, READ_VALUE);
        return box.value;
    }

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
        Hooks.threadCreated(thread);
        Hooks.threadStart(thread, START);
        return thread;
    }

    static void join(Thread thread) {
        try {
            Hooks.threadJoin(thread, JOIN);
        } catch (InterruptedException interrupted) {
            throw new AssertionError(interrupted);
        }
    }

    /** Runs {@code first} and {@code second} on two threads named writer and reader, and joins both. */
    static void twoThreads(Runnable first, Runnable second) {
        Thread writer = start(first, "writer");
        Thread reader = start(second, "reader");
        join(writer);
        join(reader);
    }

    // ---- the programs ----

    /** One thread writes a plain field, another reads it, nothing orders them. */
    public static TestBody unsynchronisedWriteRead() {
        return () -> {
            Box box = new Box();
            twoThreads(() -> writeValue(box, 42), () -> readValue(box));
        };
    }

    /** The same pair, each access under the box's monitor. */
    public static TestBody writeReadUnderMonitor() {
        return () -> {
            Box box = new Box();
            twoThreads(() -> locked(box, () -> writeValue(box, 42)), () -> locked(box, () -> readValue(box)));
        };
    }

    /** The body writes before starting a thread that reads and writes; the body reads after joining it. */
    public static TestBody startAndJoinOrder() {
        return () -> {
            Box box = new Box();
            writeValue(box, 1);
            Thread child = start(() -> writeValue(box, readValue(box) + 1), "child");
            join(child);
            if (readValue(box) != 2) {
                throw new AssertionError("the child's write was lost");
            }
        };
    }

    /** The writer publishes the value by a volatile flag; the reader reads it only once it sees the flag. */
    public static TestBody volatileFlagPublication() {
        return () -> {
            Box box = new Box();
            twoThreads(() -> {
                writeValue(box, 42);
                Hooks.fieldWrite(box, WRITE_FLAG);
                box.ready = true;
            }, () -> {
                Hooks.fieldRead(box, READ_FLAG);
                if (box.ready) {
                    readValue(box);
                }
            });
        };
    }

    /** The same through an {@code AtomicBoolean}. */
    public static TestBody atomicPublication() {
        return () -> {
            Box box = new Box();
            AtomicBoolean ready = new AtomicBoolean();
            twoThreads(() -> {
                writeValue(box, 42);
                Hooks.atomic(ready, ATOMIC);
                ready.set(true);
            }, () -> {
                Hooks.atomic(ready, ATOMIC);
                if (ready.get()) {
                    readValue(box);
                }
            });
        };
    }

    /** The writer fills a box and puts it on a queue; the reader takes it (parking until then) and reads it. */
    public static TestBody queueHandOff() {
        return () -> {
            LinkedBlockingQueue<Box> queue = new LinkedBlockingQueue<>();
            twoThreads(() -> {
                Box box = new Box();
                writeValue(box, 42);
                LibraryHooks.libraryCall(queue, QUEUE);
                queue.add(box);
            }, () -> {
                LibraryHooks.libraryCall(queue, QUEUE);
                Box box;
                try {
                    box = queue.take();
                } catch (InterruptedException interrupted) {
                    throw new AssertionError(interrupted);
                }
                if (readValue(box) != 42) {
                    throw new AssertionError("the box arrived empty");
                }
            });
        };
    }

    /** Double-checked locking without volatile: the first check reads {@code instance} outside the lock. */
    public static TestBody doubleCheckedLockingWithoutVolatile() {
        return () -> {
            Lazy lazy = new Lazy();
            Runnable get = () -> {
                Hooks.fieldRead(lazy, READ_INSTANCE);
                Box seen = lazy.instance;
                if (seen == null) {
                    locked(lazy, () -> {
                        Hooks.fieldRead(lazy, READ_INSTANCE);
                        if (lazy.instance == null) {
                            Box made = new Box();
                            writeValue(made, 42);
                            Hooks.fieldWrite(lazy, WRITE_INSTANCE);
                            lazy.instance = made;
                        }
                    });
                    Hooks.fieldRead(lazy, READ_INSTANCE);
                    seen = lazy.instance;
                }
                readValue(seen);
            };
            twoThreads(get, get);
        };
    }

    /** Two threads count hits (declared benign by annotation) without a lock. */
    public static TestBody benignHitCounter() {
        return () -> {
            Stats stats = new Stats();
            Runnable hit = () -> {
                Hooks.fieldRead(stats, READ_HITS);
                int hits = stats.hits;
                Hooks.fieldWrite(stats, WRITE_HITS);
                stats.hits = hits + 1;
            };
            twoThreads(hit, hit);
        };
    }

    /** Two threads count misses without a lock; benign only when configured so. */
    public static TestBody missCounter() {
        return () -> {
            Stats stats = new Stats();
            Runnable miss = () -> {
                Hooks.fieldRead(stats, READ_MISSES);
                int misses = stats.misses;
                Hooks.fieldWrite(stats, WRITE_MISSES);
                stats.misses = misses + 1;
            };
            twoThreads(miss, miss);
        };
    }

    /** Two threads write the same array element. */
    public static TestBody arrayElementWrites() {
        return () -> {
            int[] slots = new int[4];
            Runnable write = () -> {
                Hooks.arrayWrite(slots, 2, WRITE_SLOT);
                slots[2]++;
            };
            Runnable writeOther = () -> {
                Hooks.arrayWrite(slots, 3, WRITE_SLOT);
                slots[3]++;
                Hooks.arrayWrite(slots, 2, WRITE_SLOT);
                slots[2]++;
            };
            twoThreads(write, writeOther);
        };
    }

    /** Two threads write different elements of one array: no race. */
    public static TestBody distinctArrayElements() {
        return () -> {
            int[] slots = new int[4];
            twoThreads(() -> {
                Hooks.arrayWrite(slots, 0, WRITE_SLOT);
                slots[0] = 1;
            }, () -> {
                Hooks.arrayRead(slots, 1, READ_SLOT);
                int seen = slots[1];
                Hooks.arrayWrite(slots, 1, WRITE_SLOT);
                slots[1] = seen + 1;
            });
        };
    }
}
