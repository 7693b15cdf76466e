package dev.racetest.conformance.executors;

import dev.racetest.RaceTest;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Must fail: {@code shutdown()} stops new tasks but does not wait for queued ones; the test body reads
 * the task's result right after it, without {@code awaitTermination}.
 */
public class ShutdownIsNotAwaitFixture {

    private int result;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void resultIsThereAfterShutdown() {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        pool.execute(() -> result = 42);
        pool.shutdown(); // the bug: returns at once, the task may not have run yet
        int seen = result;
        if (seen != 42) {
            throw new AssertionError("read " + seen + " after shutdown()"); // @assert
        }
    }
}
