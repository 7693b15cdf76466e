package dev.racetest.conformance.completablefuture;

import dev.racetest.RaceTest;

import java.util.concurrent.CompletableFuture;

/**
 * Must fail: two {@code runAsync} tasks (on the default async executor) increment a plain field;
 * {@code allOf(...).join()} waits for both, but the increments race.
 */
public class AsyncLostUpdateFixture {

    private int count;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void everyTaskCounts() {
        CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> count++),
                CompletableFuture.runAsync(() -> count++)).join();
        if (count != 2) {
            throw new AssertionError("counted " + count + " of 2 tasks"); // @assert
        }
    }
}
