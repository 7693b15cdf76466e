package dev.racetest.conformance.varhandles;

import dev.racetest.RaceTest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Must pass: a {@code VarHandle} in each access mode used correctly: a {@code compareAndSet} retry
 * loop and {@code getAndAdd} count every increment; a payload written plainly and published with
 * {@code setRelease} is seen whole after {@code getAcquire} sees the flag; a {@code setOpaque} stop flag
 * ends a {@code getOpaque} polling loop; {@code setVolatile}/{@code getVolatile} read back the last
 * write after join.
 */
public class VarHandleAccessModesFixture {

    private static final VarHandle COUNT;
    private static final VarHandle READY;
    private static final VarHandle STOP;
    private static final VarHandle LAST;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            COUNT = lookup.findVarHandle(VarHandleAccessModesFixture.class, "count", int.class);
            READY = lookup.findVarHandle(VarHandleAccessModesFixture.class, "ready", boolean.class);
            STOP = lookup.findVarHandle(VarHandleAccessModesFixture.class, "stop", boolean.class);
            LAST = lookup.findVarHandle(VarHandleAccessModesFixture.class, "last", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private int count;
    private boolean ready;
    private boolean stop;
    private int last;
    private int payload;

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void everyModeBehaves() throws InterruptedException {
        int[] seenPayload = {-1};
        Thread publisher = new Thread(() -> {
            increment();
            payload = 42;
            READY.setRelease(this, true);
            LAST.setVolatile(this, 1);
        }, "publisher");
        Thread poller = new Thread(() -> {
            while (!(boolean) STOP.getOpaque(this)) {
                if ((boolean) READY.getAcquire(this)) {
                    seenPayload[0] = payload;
                    return;
                }
                Thread.onSpinWait();
            }
        }, "poller");
        publisher.start();
        poller.start();
        COUNT.getAndAdd(this, 1);
        publisher.join();
        STOP.setOpaque(this, true);
        poller.join();
        int total = (int) COUNT.getVolatile(this);
        if (total != 2 || (int) LAST.getVolatile(this) != 1 || seenPayload[0] != -1 && seenPayload[0] != 42) {
            throw new AssertionError("count " + total + ", poller saw payload " + seenPayload[0]);
        }
    }

    private void increment() {
        int current;
        do {
            current = (int) COUNT.getVolatile(this);
        } while (!COUNT.compareAndSet(this, current, current + 1));
    }
}
