package dev.racetest.conformance.executors;

import dev.racetest.RaceTest;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Must fail: a {@code ThreadPoolExecutor} built with one thread and a one-slot queue gets a burst of
 * three tasks; unless the worker has already taken the second task off the queue, the third is
 * rejected ({@code AbortPolicy}, the default) and {@code execute} throws in the test body.
 */
public class BoundedQueueRejectsBurstFixture {

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void burstIsAccepted() throws InterruptedException {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1));
        try {
            for (int task = 0; task < 3; task++) {
                pool.execute(() -> { }); // @execute
            }
        } finally {
            pool.shutdown();
        }
    }
}
