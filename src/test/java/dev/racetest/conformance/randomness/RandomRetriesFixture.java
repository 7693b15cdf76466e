package dev.racetest.conformance.randomness;

import dev.racetest.RaceTest;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Must fail: each worker retries a plain increment a random number of times drawn from
 * {@code ThreadLocalRandom}, and the increments race. The message names the draws: replaying the
 * schedule must draw the same numbers, which holds only if randomness is a function of the schedule.
 */
public class RandomRetriesFixture {

    private int attempts;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void everyAttemptCounts() throws InterruptedException {
        int[] draws = new int[2];
        Thread first = new Thread(() -> draws[0] = attempt(), "first");
        Thread second = new Thread(() -> draws[1] = attempt(), "second");
        first.start();
        second.start();
        first.join();
        second.join();
        if (attempts != draws[0] + draws[1]) {
            throw new AssertionError("counted " + attempts + " of " + draws[0] + " + " + draws[1] + " attempts"); // @assert
        }
    }

    private int attempt() {
        int retries = ThreadLocalRandom.current().nextInt(1, 4);
        for (int i = 0; i < retries; i++) {
            attempts++;
        }
        return retries;
    }
}
