package dev.racetest.conformance.threads;

import dev.racetest.RaceTest;

/**
 * Must fail: two virtual threads started with {@code Thread.ofVirtual().name(...).start(...)} increment
 * a plain field; being virtual changes nothing about the race.
 */
public class VirtualThreadsLostUpdateFixture {

    private int count;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void everyIncrementCounts() throws InterruptedException {
        Thread first = Thread.ofVirtual().name("virtual-1").start(() -> count++);
        Thread second = Thread.ofVirtual().name("virtual-2").start(() -> count++);
        first.join();
        second.join();
        if (count != 2) {
            throw new AssertionError("counted " + count + " of 2 increments"); // @assert
        }
    }
}
