package dev.racetest.conformance.executors;

import dev.racetest.RaceTest;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Must pass: on a one-thread {@code newScheduledThreadPool}, a task due in one hour runs before one
 * due in two, and each runs no earlier than its delay on the (virtual) clock; a cancelled task never
 * runs. No real hour passes: the execution timeout is five seconds.
 */
public class ScheduledDelaysFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m", executionTimeout = "5s")
    void tasksRunInDelayOrderNoEarlierThanDue() throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
        long start = System.nanoTime();
        ScheduledFuture<Long> later = scheduler.schedule(() -> System.nanoTime() - start, 2, TimeUnit.HOURS);
        ScheduledFuture<Long> sooner = scheduler.schedule(() -> System.nanoTime() - start, 1, TimeUnit.HOURS);
        ScheduledFuture<?> cancelled = scheduler.schedule(() -> {
            throw new IllegalStateException("a cancelled task ran");
        }, 3, TimeUnit.HOURS);
        cancelled.cancel(false);
        long soonerAfter = sooner.get();
        long laterAfter = later.get();
        scheduler.shutdown();
        while (!scheduler.awaitTermination(1, TimeUnit.HOURS)) {
            Thread.onSpinWait();
        }
        if (soonerAfter < TimeUnit.HOURS.toNanos(1) || laterAfter < TimeUnit.HOURS.toNanos(2) || laterAfter < soonerAfter) {
            throw new AssertionError("ran after " + soonerAfter + " and " + laterAfter + " ns");
        }
    }
}
