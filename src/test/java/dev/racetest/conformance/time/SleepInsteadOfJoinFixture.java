package dev.racetest.conformance.time;

import dev.racetest.RaceTest;

import java.time.Duration;

/**
 * Must fail: "works because of the sleep". The test body starts a loader and sleeps an hour, surely
 * long enough, before reading what it loaded; but a sleep orders nothing, and the loader may not have
 * run yet. racetest finds it on virtual time, so the hour costs nothing: the execution timeout of five
 * seconds fails the test if it is slept for real.
 */
public class SleepInsteadOfJoinFixture {

    private String config;

    @RaceTest(executions = 10_000, timeBudget = "60s", executionTimeout = "5s")
    void configIsLoadedAfterTheSleep() throws InterruptedException {
        Thread loader = new Thread(() -> config = "loaded", "loader");
        loader.start();
        Thread.sleep(Duration.ofHours(1)); // the bug: should be loader.join()
        if (config == null) {
            throw new AssertionError("config not loaded after sleeping an hour"); // @assert
        }
        loader.join();
    }
}
