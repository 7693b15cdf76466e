package dev.racetest.conformance.executors;

import dev.racetest.RaceTest;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Must pass: after {@code shutdown()}, {@code awaitTermination} returning {@code true} means every task
 * has run and its writes are visible; it is called in a loop, since a timeout (virtual, here) may
 * expire first.
 */
public class ShutdownAndAwaitFixture {

    private int first;
    private int second;

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void resultsAreThereAfterTermination() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        pool.execute(() -> first = 20);
        pool.execute(() -> second = 22);
        pool.shutdown();
        while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
            Thread.onSpinWait();
        }
        if (!pool.isTerminated() || first + second != 42) {
            throw new AssertionError("read " + first + " + " + second + ", terminated " + pool.isTerminated());
        }
    }
}
