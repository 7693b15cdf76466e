package dev.racetest.scheduler.strategy;

import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.scheduler.TestBody;

import java.util.ArrayList;
import java.util.List;

/**
 * Small programs written against {@link dev.racetest.instrument.hooks.Hooks} by hand (as the
 * instrumenter would rewrite them) whose number of Mazurkiewicz traces is known by construction, and
 * small buggy ones. Every thread's first step and every {@code start} touch nothing; {@code join}
 * conflicts with nothing; so only the accesses named in each comment order a trace.
 */
final class ExhaustivePrograms {

    private static final int READ_X = site(SyncPointKind.FIELD_READ, "Cells.x");
    private static final int WRITE_X = site(SyncPointKind.FIELD_WRITE, "Cells.x");
    private static final int READ_Y = site(SyncPointKind.FIELD_READ, "Cells.y");
    private static final int WRITE_Y = site(SyncPointKind.FIELD_WRITE, "Cells.y");
    private static final int READ_FLAG = site(SyncPointKind.FIELD_READ, "Cells.flag");
    private static final int WRITE_FLAG = site(SyncPointKind.FIELD_WRITE, "Cells.flag");
    private static final int LOCK = site(SyncPointKind.MONITOR_ENTER, "synchronized");
    private static final int UNLOCK = site(SyncPointKind.MONITOR_EXIT, "synchronized");
    private static final int START = site(SyncPointKind.THREAD_START, "Thread.start");
    private static final int JOIN = site(SyncPointKind.THREAD_JOIN, "Thread.join");
    private static final int WAIT = site(SyncPointKind.WAIT, "Object.wait");
    private static final int NOTIFY = site(SyncPointKind.NOTIFY, "Object.notify");
    private static final int NOTIFY_ALL = site(SyncPointKind.NOTIFY_ALL, "Object.notifyAll");

    private ExhaustivePrograms() {
    }

    private static int site(SyncPointKind kind, String target) {
        return SyncSites.register(kind, "dev.racetest.scheduler.strategy.Program", "run", "Program.java", 1, target).id();
    }

    /** Shared state of one execution. */
    static final class Cells {
        int x;
        int y;
        boolean flag;

        int readX() {
            Hooks.fieldRead(this, READ_X);
            return x;
        }

        void writeX(int value) {
            Hooks.fieldWrite(this, WRITE_X);
            x = value;
        }

        int readY() {
            Hooks.fieldRead(this, READ_Y);
            return y;
        }

        void writeY(int value) {
            Hooks.fieldWrite(this, WRITE_Y);
            y = value;
        }

        boolean readFlag() {
            Hooks.fieldRead(this, READ_FLAG);
            return flag;
        }

        void writeFlag() {
            Hooks.fieldWrite(this, WRITE_FLAG);
            flag = true;
        }
    }

    /** Code of one thread, which may throw. */
    interface Task {
        void run() throws Exception;
    }

    /** The test body starts every task in order, then joins them all in order, then runs {@code check}. */
    static TestBody threads(Cells cells, List<Task> tasks, Task check) {
        return () -> {
            List<Thread> started = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                Task task = tasks.get(i);
                Thread thread = new Thread(() -> {
                    try {
                        task.run();
                    } catch (Exception failure) {
                        throw new IllegalStateException(failure);
                    }
                }, "worker-" + i);
                Hooks.threadCreated(thread);
                Hooks.threadStart(thread, START);
                started.add(thread);
            }
            for (Thread thread : started) {
                Hooks.threadJoin(thread, JOIN);
            }
            check.run();
        };
    }

    private static TestBody fresh(java.util.function.Function<Cells, TestBody> program) {
        return () -> program.apply(new Cells()).run();
    }

    private static Task nothing() {
        return () -> {
        };
    }

    static void locked(Object lock, Task action) throws Exception {
        Hooks.monitorEnter(lock, LOCK);
        try {
            action.run();
        } finally {
            Hooks.monitorExit(lock, UNLOCK);
        }
    }

    // ---- programs with a known number of traces ----

    /** {@code n} threads each write a variable of their own: nothing conflicts, 1 trace. */
    static TestBody independentWriters(int n) {
        return () -> {
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Cells own = new Cells();
                tasks.add(() -> own.writeX(1));
            }
            threads(new Cells(), tasks, () -> { }).run();
        };
    }

    /** {@code n} threads each write {@code x} once: the writes are totally ordered, n! traces. */
    static TestBody sharedWriters(int n) {
        return fresh(cells -> {
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int value = i + 1;
                tasks.add(() -> cells.writeX(value));
            }
            return threads(cells, tasks, () -> { });
        });
    }

    /**
     * {@code n} threads each read {@code x}, one writes it: reads commute with each other, each read is
     * before or after the write independently, 2^n traces.
     */
    static TestBody readersAndOneWriter(int n) {
        return fresh(cells -> {
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                tasks.add(cells::readX);
            }
            tasks.add(() -> cells.writeX(1));
            return threads(cells, tasks, () -> { });
        });
    }

    /** Two threads each write {@code x} twice: all four writes conflict, C(4,2) = 6 traces. */
    static TestBody twoWritesEach() {
        return fresh(cells -> threads(cells, List.of(
                () -> { cells.writeX(1); cells.writeX(2); },
                () -> { cells.writeX(3); cells.writeX(4); }), () -> { }));
    }

    /**
     * {@code n} threads each write {@code x} inside {@code synchronized (lock)}: the critical sections
     * are totally ordered by the monitor, and nothing happens outside them, n! traces.
     */
    static TestBody lockedWriters(int n) {
        return fresh(cells -> {
            Object lock = new Object();
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int value = i;
                tasks.add(() -> locked(lock, () -> cells.writeX(value)));
            }
            return threads(cells, tasks, () -> { });
        });
    }

    /** Two threads with a lock and a variable each, nothing shared: 1 trace. */
    static TestBody disjointLocks() {
        return () -> {
            Cells first = new Cells();
            Cells second = new Cells();
            Object a = new Object();
            Object b = new Object();
            threads(new Cells(), List.of(
                    () -> locked(a, () -> first.writeX(1)),
                    () -> locked(b, () -> second.writeX(1))), () -> { }).run();
        };
    }

    /**
     * T1 reads x then writes y; T2 reads y then writes x. Each of the two conflicting pairs can go either
     * way, but both reads after the other thread's write is a cycle: 3 traces.
     */
    static TestBody crossedReadWrite() {
        return fresh(cells -> threads(cells, List.of(
                () -> { cells.readX(); cells.writeY(1); },
                () -> { cells.readY(); cells.writeX(1); }), () -> { }));
    }

    /** Two threads each write x then y: the x pair and the y pair each go either way, 2 * 2 = 4 traces. */
    static TestBody twoVariablesTwoWriters() {
        return fresh(cells -> threads(cells, List.of(
                () -> { cells.writeX(1); cells.writeY(1); },
                () -> { cells.writeX(2); cells.writeY(2); }), () -> { }));
    }

    /**
     * Two threads each read then write x (an unprotected increment): of the 6 interleavings, the two
     * reads commute when adjacent, leaving r1 w1 r2 w2, r2 w2 r1 w1, and the reads-first with either write
     * last: 4 traces.
     */
    static TestBody racyIncrements() {
        return fresh(cells -> threads(cells, List.of(
                () -> cells.writeX(cells.readX() + 1),
                () -> cells.writeX(cells.readX() + 1)), () -> { }));
    }

    /**
     * The body starts T1 (writes x) and T2 (writes x), joins T1, reads x, joins T2. The read is after
     * T1's write (join); T1/T2 and T2/read each go either way except T2 before T1 and after the read,
     * a cycle: 3 traces.
     */
    static TestBody joinThenRead() {
        return fresh(cells -> () -> {
            Thread first = new Thread(() -> cells.writeX(1), "first");
            Thread second = new Thread(() -> cells.writeX(2), "second");
            Hooks.threadCreated(first);
            Hooks.threadStart(first, START);
            Hooks.threadCreated(second);
            Hooks.threadStart(second, START);
            Hooks.threadJoin(first, JOIN);
            cells.readX();
            Hooks.threadJoin(second, JOIN);
        });
    }

    /**
     * A guarded wait: T1 waits under the monitor until the flag is set, T2 sets it and notifies all
     * under the monitor. Either T1 takes the monitor first (and waits) or T2 does (and T1 never waits):
     * 2 traces (without spurious wake-ups).
     */
    static TestBody guardedWait() {
        return fresh(cells -> {
            Object lock = new Object();
            return threads(cells, List.of(
                    () -> locked(lock, () -> {
                        while (!cells.readFlag()) {
                            Hooks.objectWait(lock, WAIT);
                        }
                    }),
                    () -> locked(lock, () -> {
                        cells.writeFlag();
                        Hooks.objectNotifyAll(lock, NOTIFY_ALL);
                    })), () -> { });
        });
    }

    /**
     * T1 runs two critical sections on one monitor, each writing x and then calling a {@code notifyAll}
     * that wakes nobody; T2 runs one that reads x: T2's goes before, between or after T1's, 3 traces.
     * The notify and the write conflict with T2's taking of the monitor and its read, but cannot be
     * reversed with them (T1 holds the monitor then), so the race is the one between the takings, which
     * the notify must not hide.
     */
    static TestBody notifyingSectionsBesideOne() {
        return fresh(cells -> {
            Object lock = new Object();
            return threads(cells, List.of(
                    () -> {
                        locked(lock, () -> { cells.writeX(1); Hooks.objectNotifyAll(lock, NOTIFY_ALL); });
                        locked(lock, () -> { cells.writeX(2); Hooks.objectNotifyAll(lock, NOTIFY_ALL); });
                    },
                    () -> locked(lock, cells::readX)), () -> { });
        });
    }

    // ---- programs checked against DFS only ----

    /** Critical sections followed by accesses outside them: the monitor's release is inside a step. */
    static TestBody lockThenOutside() {
        return fresh(cells -> {
            Object lock = new Object();
            return threads(cells, List.of(
                    () -> { locked(lock, () -> cells.writeX(1)); cells.readY(); },
                    () -> { locked(lock, cells::readX); cells.writeY(1); }), () -> { });
        });
    }

    /** A cycle of three threads, each writing one variable and reading the next one's. */
    static TestBody threeCycle() {
        return fresh(cells -> {
            Cells z = new Cells();
            return threads(cells, List.of(
                    () -> { cells.writeX(1); cells.readY(); },
                    () -> { cells.writeY(1); z.readX(); },
                    () -> { z.writeX(1); cells.readX(); }), () -> { });
        });
    }

    /** Two guarded waiters and a notifier that notifies twice: which waiter each notify wakes is a data choice. */
    static TestBody twoWaitersTwoNotifies() {
        return fresh(cells -> {
            Object lock = new Object();
            Task waiter = () -> locked(lock, () -> {
                while (!cells.readFlag()) {
                    Hooks.objectWait(lock, WAIT);
                }
            });
            return threads(cells, List.of(waiter, waiter, () -> {
                locked(lock, () -> {
                    cells.writeFlag();
                    Hooks.objectNotify(lock, NOTIFY);
                });
                locked(lock, () -> Hooks.objectNotify(lock, NOTIFY));
            }), () -> { });
        });
    }

    /** A thread that starts and joins its own child, beside another writer. */
    static TestBody nestedThreads() {
        return fresh(cells -> threads(cells, List.of(
                () -> {
                    Thread child = new Thread(() -> cells.writeX(1), "child");
                    Hooks.threadCreated(child);
                    Hooks.threadStart(child, START);
                    cells.writeY(1);
                    Hooks.threadJoin(child, JOIN);
                    cells.readX();
                },
                () -> { cells.writeX(2); cells.readY(); }), () -> { }));
    }

    /**
     * T1 reads y, and in the same step runs a static initialiser that writes x (a write the strategy
     * never sees as a step of its own); T2 reads x. The body fails when T2 read x before that write.
     */
    static TestBody writeInsideInitialiser() {
        return fresh(cells -> {
            int[] seen = new int[1];
            return threads(cells, List.of(
                    () -> {
                        cells.readY();
                        Hooks.staticInitializerEnter();
                        try {
                            cells.writeX(1);
                        } finally {
                            Hooks.staticInitializerExit();
                        }
                    },
                    () -> seen[0] = cells.readX()), () -> {
                        if (seen[0] != 1) {
                            throw new AssertionError("T2 read x before the initialiser wrote it");
                        }
                    });
        });
    }

    // ---- buggy programs ----

    /** Two unprotected increments; the body checks both landed. */
    static TestBody lostUpdate() {
        return fresh(cells -> threads(cells, List.of(
                () -> cells.writeX(cells.readX() + 1),
                () -> cells.writeX(cells.readX() + 1)), () -> {
                    if (cells.x != 2) {
                        throw new AssertionError("lost update: x = " + cells.x);
                    }
                }));
    }

    /** Two threads take two monitors in opposite orders. */
    static TestBody lockOrderDeadlock() {
        return fresh(cells -> {
            Object a = new Object();
            Object b = new Object();
            return threads(cells, List.of(
                    () -> locked(a, () -> locked(b, () -> cells.writeX(1))),
                    () -> locked(b, () -> locked(a, () -> cells.writeX(2)))), () -> { });
        });
    }

    /** T1 waits without a guard; when T2 notifies first, T1 waits forever. */
    static TestBody missedNotify() {
        return fresh(cells -> {
            Object lock = new Object();
            return threads(cells, List.of(
                    () -> locked(lock, () -> Hooks.objectWait(lock, WAIT)),
                    () -> locked(lock, () -> Hooks.objectNotify(lock, NOTIFY))), () -> { });
        });
    }

    /**
     * Two waiters on one monitor for different conditions, as the conformance suite's
     * {@code NotifyWakesWrongWaiterFixture}: x-waiter takes the monitor and starts y-waiter inside it,
     * then waits until x is set; y-waiter takes the monitor and waits until y is set; the body sets x and
     * notifies, then, in a second critical section, sets y and notifies, then joins both. When both
     * wait at the first notify and it wakes y-waiter, that one waits again, and one waiter is never
     * woken: a deadlock. It only happens when both waiters take the monitor before the body does, so
     * DPOR must reverse the body's monitor entries with the waiters' (the first execution runs the body
     * ahead, and nobody ever waits).
     */
    static TestBody notifyWakesWrongWaiter() {
        return fresh(cells -> () -> {
            Object lock = new Object();
            Thread yWaiter = new Thread(() -> waitUntil(lock, cells::readY), "y-waiter");
            Thread xWaiter = new Thread(() -> {
                try {
                    locked(lock, () -> {
                        Hooks.threadCreated(yWaiter);
                        Hooks.threadStart(yWaiter, START);
                        while (cells.readX() == 0) {
                            Hooks.objectWait(lock, WAIT);
                        }
                    });
                } catch (Exception failure) {
                    throw new IllegalStateException(failure);
                }
            }, "x-waiter");
            Hooks.threadCreated(xWaiter);
            Hooks.threadStart(xWaiter, START);
            locked(lock, () -> {
                cells.writeX(1);
                Hooks.objectNotify(lock, NOTIFY);
            });
            locked(lock, () -> {
                cells.writeY(1);
                Hooks.objectNotify(lock, NOTIFY);
            });
            Hooks.threadJoin(xWaiter, JOIN);
            Hooks.threadJoin(yWaiter, JOIN);
        });
    }

    private static void waitUntil(Object lock, java.util.function.IntSupplier condition) {
        try {
            locked(lock, () -> {
                while (condition.getAsInt() == 0) {
                    Hooks.objectWait(lock, WAIT);
                }
            });
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** A check-then-act on a flag: both threads may see it clear and both "win". */
    static TestBody doubleWinner() {
        return fresh(cells -> threads(cells, List.of(
                () -> { if (!cells.readFlag()) { cells.writeFlag(); cells.writeX(cells.readX() + 1); } },
                () -> { if (!cells.readFlag()) { cells.writeFlag(); cells.writeX(cells.readX() + 1); } }), () -> {
                    if (cells.x > 1) {
                        throw new AssertionError("two winners");
                    }
                }));
    }
}
