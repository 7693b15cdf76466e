package dev.racetest.scheduler.strategy;

import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.scheduler.TestBody;

import java.util.ArrayList;
import java.util.List;

/**
 * Small programs, written against {@link Hooks} by hand as the instrumenter would rewrite them, whose
 * bug needs a known number of ordering constraints (its depth {@code d}), among a known number of
 * threads {@code n} (the test body counts), in executions of a known number of steps {@code k}.
 *
 * <p>A step is one scheduling point: every thread's first step, then one per hook call; a thread's
 * end is none. {@code k} counts all of them, which bounds the number of decisions PCT learns. Each
 * program tells its {@link Bug} whether the bug happened instead of throwing, so an exploration can
 * count hits over many executions; {@link Bug#THROW} makes it fail as a test would.
 */
final class BugDepthPrograms {

    private static final int READ = site(SyncPointKind.FIELD_READ, 10, "Shared.value");
    private static final int WRITE = site(SyncPointKind.FIELD_WRITE, 11, "Shared.value");
    private static final int READ_OPEN = site(SyncPointKind.FIELD_READ, 20, "Resource.open");
    private static final int WRITE_OPEN = site(SyncPointKind.FIELD_WRITE, 21, "Resource.open");
    private static final int READ_CLOSED = site(SyncPointKind.FIELD_READ, 22, "Resource.closed");
    private static final int WRITE_CLOSED = site(SyncPointKind.FIELD_WRITE, 23, "Resource.closed");
    private static final int WRITE_BUFFER = site(SyncPointKind.ARRAY_WRITE, 24, "Resource.buffer");
    private static final int APPEND = site(SyncPointKind.FIELD_WRITE, 30, "Registry.order");
    private static final int START = site(SyncPointKind.THREAD_START, 40, "Thread.start");
    private static final int JOIN = site(SyncPointKind.THREAD_JOIN, 41, "Thread.join");

    private BugDepthPrograms() {
    }

    private static int site(SyncPointKind kind, int line, String target) {
        return SyncSites.register(kind, "dev.racetest.scheduler.strategy.Program", "run", "Program.java", line, target).id();
    }

    /** Where a program reports whether its bug happened in an execution. */
    @FunctionalInterface
    interface Bug {
        /** Fails the execution on the bug, as a test would. */
        Bug THROW = happened -> {
            if (happened) {
                throw new AssertionError("the bug happened");
            }
        };

        void report(boolean happened);
    }

    static final class Shared {
        int value;
    }

    /**
     * d = 1, n = 4: the body starts A, B and C, each of which appends its name to a registry in one
     * step; the bug is that A, started first, is not first in the registry. One constraint (B or C
     * appends before A) and no preemption. PCT puts A first when A outranks the body (1/2: A runs as
     * soon as it is started) or the body outranks every worker and A is the highest worker (1/4 * 1/3),
     * so it hits the bug with probability 1 - 7/12 = 5/12, above the bound 1/n = 1/4.
     * Steps: body 1 + 3 starts + 3 joins, workers 2 each: k = 13.
     */
    static TestBody registrationOrder(Bug bug) {
        return () -> {
            List<String> registry = new ArrayList<>();
            List<Thread> workers = new ArrayList<>();
            for (String name : List.of("A", "B", "C")) {
                workers.add(start(() -> {
                    Hooks.fieldWrite(registry, APPEND);
                    registry.add(name);
                }, name));
            }
            for (Thread worker : workers) {
                Hooks.threadJoin(worker, JOIN);
            }
            bug.report(!registry.getFirst().equals("A"));
        };
    }

    /**
     * d = 2, n = 3: A and B each increment a counter with a read and a write; the bug is a lost update.
     * Two constraints (A reads before B writes, B reads before A writes), one change point: right after
     * the first read. Steps: body 1 + 2 starts + 2 joins, workers 3 each: k = 11.
     */
    static TestBody lostUpdate(Bug bug) {
        return () -> {
            Shared counter = new Shared();
            Runnable increment = () -> {
                Hooks.fieldRead(counter, READ);
                int seen = counter.value;
                Hooks.fieldWrite(counter, WRITE);
                counter.value = seen + 1;
            };
            Thread a = start(increment, "A");
            Thread b = start(increment, "B");
            Hooks.threadJoin(a, JOIN);
            Hooks.threadJoin(b, JOIN);
            bug.report(counter.value != 2);
        };
    }

    /**
     * d = 3, n = 3: A writes 1 then 2; B reads twice; the bug is that B reads exactly 1 then 2. Three
     * constraints (A's first write before B's first read, which is before A's second write, which is
     * before B's second read), two change points. Steps: body 5, workers 3 each: k = 11.
     */
    static TestBody readsBothWrites(Bug bug) {
        return () -> {
            Shared cell = new Shared();
            int[] seen = new int[2];
            Thread a = start(() -> {
                Hooks.fieldWrite(cell, WRITE);
                cell.value = 1;
                Hooks.fieldWrite(cell, WRITE);
                cell.value = 2;
            }, "A");
            Thread b = start(() -> {
                Hooks.fieldRead(cell, READ);
                seen[0] = cell.value;
                Hooks.fieldRead(cell, READ);
                seen[1] = cell.value;
            }, "B");
            Hooks.threadJoin(a, JOIN);
            Hooks.threadJoin(b, JOIN);
            bug.report(seen[0] == 1 && seen[1] == 2);
        };
    }

    /**
     * d = 2, n = 3, and hard for a random walk: A checks that a resource is open, then reads whether
     * it was closed; B closes it in {@code 2 + bufferSize} steps (marks it not open, clears its buffer
     * slot by slot, marks it closed). The bug is that A saw it open and then closed: all of B's close
     * fell between A's two reads. PCT needs one change point, right after A's check; a random walk
     * needs B to win {@code 2 + bufferSize} coin tosses in a row.
     * Steps: body 5, A 3, B {@code 3 + bufferSize}: k = {@code 11 + bufferSize}.
     */
    static TestBody useAfterClose(int bufferSize, Bug bug) {
        return () -> {
            int[] state = {1, 0}; // open, closed
            int[] buffer = new int[bufferSize];
            boolean[] sawOpenThenClosed = new boolean[1];
            Thread a = start(() -> {
                Hooks.fieldRead(state, READ_OPEN);
                if (state[0] == 1) {
                    Hooks.fieldRead(state, READ_CLOSED);
                    sawOpenThenClosed[0] = state[1] == 1;
                }
            }, "A");
            Thread b = start(() -> {
                Hooks.fieldWrite(state, WRITE_OPEN);
                state[0] = 0;
                for (int slot = 0; slot < bufferSize; slot++) {
                    Hooks.arrayWrite(buffer, slot, WRITE_BUFFER);
                    buffer[slot] = 0;
                }
                Hooks.fieldWrite(state, WRITE_CLOSED);
                state[1] = 1;
            }, "B");
            Hooks.threadJoin(a, JOIN);
            Hooks.threadJoin(b, JOIN);
            bug.report(sawOpenThenClosed[0]);
        };
    }

    private static Thread start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        Hooks.threadCreated(thread); // as the rewritten constructor call would
        Hooks.threadStart(thread, START);
        return thread;
    }
}
