package dev.racetest.conformance.synchronizers;

import dev.racetest.RaceTest;

import java.util.concurrent.locks.LockSupport;

/**
 * Must pass: a waiter parks in a loop until the flag is set and the setter unparks it afterwards; an
 * unpark before the park is kept as a permit, and spurious returns only cost another check.
 */
public class ParkInLoopFixture {

    private volatile boolean ready;
    private int payload;

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void waiterSeesTheFlagAndPayload() throws InterruptedException {
        Thread waiter = Thread.currentThread();
        Thread setter = new Thread(() -> {
            payload = 42;
            ready = true;
            LockSupport.unpark(waiter);
        }, "setter");
        setter.start();
        while (!ready) {
            LockSupport.park(this);
        }
        if (payload != 42) {
            throw new AssertionError("payload " + payload + " after the flag");
        }
        setter.join();
    }
}
