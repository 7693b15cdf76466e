package dev.racetest.conformance.executors;

import dev.racetest.RaceTest;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Must pass: the same burst as {@link BoundedQueueRejectsBurstFixture}, on a
 * {@code ThreadPoolExecutor} built with {@code CallerRunsPolicy}: a task that does not fit runs in the
 * caller, so all three run, and {@code afterExecute} of a subclass sees every pooled one.
 */
public class CallerRunsPolicyFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void everyTaskRuns() throws InterruptedException {
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger pooled = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1),
                new ThreadPoolExecutor.CallerRunsPolicy()) {
            @Override
            protected void afterExecute(Runnable task, Throwable failure) {
                pooled.incrementAndGet();
            }
        };
        for (int task = 0; task < 3; task++) {
            pool.execute(ran::incrementAndGet);
        }
        pool.shutdown();
        while (!pool.awaitTermination(1, TimeUnit.HOURS)) {
            Thread.onSpinWait();
        }
        if (ran.get() != 3 || pooled.get() < 2 || pooled.get() > 3) {
            throw new AssertionError(ran.get() + " tasks ran, " + pooled.get() + " in the pool");
        }
    }
}
