package dev.racetest.conformance.atomics;

import dev.racetest.RaceTest;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Must fail: an {@code AtomicInteger} incremented with {@code set(get() + 1)}: each call is atomic,
 * the pair is not, so one increment can be lost.
 */
public class GetThenSetFixture {

    private final AtomicInteger count = new AtomicInteger();

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void everyIncrementCounts() throws InterruptedException {
        Thread first = new Thread(() -> count.set(count.get() + 1), "first");
        Thread second = new Thread(() -> count.set(count.get() + 1), "second");
        first.start();
        second.start();
        first.join();
        second.join();
        if (count.get() != 2) {
            throw new AssertionError("counted " + count.get() + " of 2 increments"); // @assert
        }
    }
}
