package dev.racetest.conformance.executors;

import dev.racetest.RaceTest;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Must pass: {@code invokeAll} on a {@code newCachedThreadPool} returns when every task is done, with
 * the futures in task order; the idle workers end after their keep-alive, or at shutdown.
 */
public class CachedPoolInvokeAllFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void invokeAllReturnsEveryResultInOrder() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        List<Callable<String>> tasks = List.of(() -> "a", () -> "b", () -> "c");
        StringBuilder joined = new StringBuilder();
        for (Future<String> future : pool.invokeAll(tasks)) {
            if (!future.isDone()) {
                throw new AssertionError("invokeAll returned before a task was done");
            }
            joined.append(future.get());
        }
        pool.shutdown();
        while (!pool.awaitTermination(1, TimeUnit.HOURS)) {
            Thread.onSpinWait();
        }
        if (!joined.toString().equals("abc")) {
            throw new AssertionError("results " + joined);
        }
    }
}
