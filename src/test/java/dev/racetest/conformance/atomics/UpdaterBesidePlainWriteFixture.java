package dev.racetest.conformance.atomics;

import dev.racetest.RaceTest;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Must fail: one path increments the field through an {@code AtomicIntegerFieldUpdater}, another with
 * a plain {@code count++} on the same volatile field; the updater's atomicity only holds against other
 * updater calls, so an increment can be lost.
 */
public class UpdaterBesidePlainWriteFixture {

    private static final AtomicIntegerFieldUpdater<UpdaterBesidePlainWriteFixture> COUNT =
            AtomicIntegerFieldUpdater.newUpdater(UpdaterBesidePlainWriteFixture.class, "count");

    private volatile int count;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void everyIncrementCounts() throws InterruptedException {
        Thread atomic = new Thread(() -> COUNT.incrementAndGet(this), "atomic");
        Thread plain = new Thread(() -> count++, "plain");
        atomic.start();
        plain.start();
        atomic.join();
        plain.join();
        if (count != 2) {
            throw new AssertionError("counted " + count + " of 2 increments"); // @assert
        }
    }
}
