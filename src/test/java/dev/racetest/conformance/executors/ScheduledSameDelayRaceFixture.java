package dev.racetest.conformance.executors;

import dev.racetest.RaceTest;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Must fail: two tasks scheduled an hour ahead on a two-thread {@code newScheduledThreadPool} fall due
 * together and run at once on both threads, so their plain increments can lose one. The hour passes
 * on virtual time (the five-second execution timeout fails the test otherwise).
 */
public class ScheduledSameDelayRaceFixture {

    private int runs;

    @RaceTest(executions = 10_000, timeBudget = "60s", executionTimeout = "5s")
    void everyRunCounts() throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        try {
            ScheduledFuture<?> first = scheduler.schedule(() -> runs++, 1, TimeUnit.HOURS);
            ScheduledFuture<?> second = scheduler.schedule(() -> runs++, 1, TimeUnit.HOURS);
            first.get();
            second.get();
            if (runs != 2) {
                throw new AssertionError("counted " + runs + " of 2 runs"); // @assert
            }
        } finally {
            scheduler.shutdown();
        }
    }
}
