package dev.racetest.conformance.time;

import dev.racetest.RaceTest;

import java.time.Duration;
import java.time.Instant;

/**
 * Must pass: sleeping an hour moves every clock the program can read by at least an hour —
 * {@code System.nanoTime()}, {@code System.currentTimeMillis()} and {@code Instant.now()} — in the
 * sleeping thread and in a thread that sleeps two hours beside it; the clocks never run backwards. It
 * takes no real hour: the execution timeout is five seconds.
 */
public class VirtualClockFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m", executionTimeout = "5s")
    void clocksAdvanceWithSleeps() throws InterruptedException {
        long[] otherElapsed = new long[1];
        Thread other = new Thread(() -> {
            long start = System.nanoTime();
            try {
                Thread.sleep(Duration.ofHours(2));
            } catch (InterruptedException e) {
                return;
            }
            otherElapsed[0] = System.nanoTime() - start;
        }, "other");
        long nanos = System.nanoTime();
        long millis = System.currentTimeMillis();
        Instant instant = Instant.now();
        other.start();
        Thread.sleep(Duration.ofHours(1));
        long elapsedNanos = System.nanoTime() - nanos;
        long elapsedMillis = System.currentTimeMillis() - millis;
        Duration elapsedInstant = Duration.between(instant, Instant.now());
        other.join();
        if (elapsedNanos < Duration.ofHours(1).toNanos() || elapsedMillis < Duration.ofHours(1).toMillis()
                || elapsedInstant.compareTo(Duration.ofHours(1)) < 0 || otherElapsed[0] < Duration.ofHours(2).toNanos()) {
            throw new AssertionError("after sleeping an hour: " + Duration.ofNanos(elapsedNanos) + " by nanoTime, "
                    + Duration.ofMillis(elapsedMillis) + " by currentTimeMillis, " + elapsedInstant + " by Instant; the"
                    + " two-hour sleeper saw " + Duration.ofNanos(otherElapsed[0]));
        }
    }
}
