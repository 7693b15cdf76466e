package dev.racetest.conformance.executors;

import dev.racetest.RaceTest;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Must fail: two tasks on a two-thread {@code newFixedThreadPool} increment a plain field; waiting for
 * both futures makes their writes visible, but does not make the increments atomic.
 */
public class FixedPoolLostUpdateFixture {

    private int count;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void everyTaskCounts() throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> count++);
            Future<?> second = pool.submit(() -> count++);
            first.get();
            second.get();
            if (count != 2) {
                throw new AssertionError("counted " + count + " of 2 tasks"); // @assert
            }
        } finally {
            pool.shutdown();
        }
    }
}
