package dev.racetest.conformance.executors;

import dev.racetest.RaceTest;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Must fail: two tasks of a {@code newVirtualThreadPerTaskExecutor} (one virtual thread each) increment
 * a plain field; closing the executor waits for them, but the increments still race.
 */
public class VirtualPerTaskLostUpdateFixture {

    private int count;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void everyTaskCounts() {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            executor.execute(() -> count++);
            executor.execute(() -> count++);
        }
        if (count != 2) {
            throw new AssertionError("counted " + count + " of 2 tasks"); // @assert
        }
    }
}
