package dev.racetest.conformance.executors;

import dev.racetest.RaceTest;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Must pass: tasks on a {@code newFixedThreadPool} return their results through {@code Future.get},
 * and the pool is shut down and awaited; no state is shared but through the futures.
 */
public class FixedPoolFuturesFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void resultsArriveThroughFutures() throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> first = pool.submit(() -> 20);
        Future<Integer> second = pool.submit(() -> 22);
        Future<String> name = pool.submit(() -> Thread.currentThread().getName());
        int sum = first.get() + second.get();
        String worker = name.get();
        pool.shutdown();
        while (!pool.awaitTermination(1, TimeUnit.HOURS)) {
            Thread.onSpinWait();
        }
        if (sum != 42 || !worker.matches("pool-1-thread-[12]")) {
            throw new AssertionError("sum " + sum + " from worker " + worker);
        }
    }
}
