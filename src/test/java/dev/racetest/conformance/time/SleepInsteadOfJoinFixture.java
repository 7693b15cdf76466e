package dev.racetest.conformance.time;

import dev.racetest.RaceTest;

import java.time.Duration;

/**
 * Must fail: "works because of the sleep". The test body starts a loader and sleeps half a second,
 * which is plenty for the loader in practice, before reading what it loaded; but a sleep orders
 * nothing, and a loader stalled for longer (a GC pause, a busy machine) has not run yet. racetest
 * finds it on virtual time, where the sleep costs no real time.
 */
public class SleepInsteadOfJoinFixture {

    private String config;

    @RaceTest(executions = 10_000, timeBudget = "60s", executionTimeout = "5s")
    void configIsLoadedAfterTheSleep() throws InterruptedException {
        Thread loader = new Thread(() -> config = "loaded", "loader");
        loader.start();
        Thread.sleep(Duration.ofMillis(500)); // the bug: should be loader.join()
        if (config == null) {
            throw new AssertionError("config not loaded after sleeping 500 ms"); // @assert
        }
        loader.join();
    }
}
