package dev.racetest.conformance.synchronizers;

import dev.racetest.RaceTest;

import java.util.concurrent.locks.LockSupport;

/**
 * Must fail, and only through a spurious return: {@code LockSupport.park} may return for no reason,
 * as its Javadoc says, so a waiter that parks once under {@code if} instead of re-checking in a loop
 * can go on before the flag is set.
 */
public class IfInsteadOfWhileParkFixture {

    private volatile boolean ready;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void waiterSeesTheFlag() throws InterruptedException {
        Thread waiter = Thread.currentThread();
        Thread setter = new Thread(() -> {
            ready = true;
            LockSupport.unpark(waiter);
        }, "setter");
        setter.start();
        if (!ready) {
            LockSupport.park(this);
        }
        if (!ready) {
            throw new AssertionError("park returned before the flag was set"); // @assert
        }
        setter.join();
    }
}
