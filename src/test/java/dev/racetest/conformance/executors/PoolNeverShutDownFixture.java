package dev.racetest.conformance.executors;

import dev.racetest.RaceTest;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Must fail as a leak: the test body uses a {@code newFixedThreadPool} and returns without shutting it
 * down, so its non-daemon worker waits for the next task forever (and would keep a JVM alive).
 */
public class PoolNeverShutDownFixture {

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void poolIsShutDown() throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        int answer = pool.submit(() -> 42).get();
        if (answer != 42) {
            throw new AssertionError("answer " + answer);
        }
        // the bug: no pool.shutdown()
    }
}
