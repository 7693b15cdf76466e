package dev.racetest.conformance.synchronizers;

import dev.racetest.RaceTest;

import java.util.concurrent.CountDownLatch;

/**
 * Must pass: two workers count a latch down after writing their results; {@code await()} returns only
 * when both are visible (a count-down happens-before a return from {@code await}).
 */
public class LatchAfterWorkFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void resultsAreVisibleAfterAwait() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(2);
        int[] results = new int[2];
        Thread first = new Thread(() -> {
            results[0] = 20;
            done.countDown();
        }, "first");
        Thread second = new Thread(() -> {
            results[1] = 22;
            done.countDown();
        }, "second");
        first.start();
        second.start();
        done.await();
        if (results[0] + results[1] != 42) {
            throw new AssertionError("results " + results[0] + " + " + results[1]);
        }
        first.join();
        second.join();
    }
}
