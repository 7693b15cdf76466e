package dev.racetest.conformance.executors;

import dev.racetest.RaceTest;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Must pass: state touched only by tasks of a {@code newSingleThreadExecutor} needs no lock, since the
 * tasks run one after another on one thread (submit happens-before the task, the task before
 * {@code get}).
 */
public class SingleThreadConfinementFixture {

    private int count;

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void confinedCounterCountsEveryTask() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        Future<?> first = executor.submit(() -> count++);
        Future<?> second = executor.submit(() -> count++);
        Future<Integer> read = executor.submit(() -> count);
        first.get();
        second.get();
        int seen = read.get();
        executor.shutdown();
        while (!executor.awaitTermination(1, TimeUnit.HOURS)) {
            Thread.onSpinWait();
        }
        if (seen != 2) {
            throw new AssertionError("the third task saw " + seen);
        }
    }
}
