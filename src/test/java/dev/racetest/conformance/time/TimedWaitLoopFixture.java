package dev.racetest.conformance.time;

import dev.racetest.RaceTest;

import java.util.concurrent.TimeUnit;

/**
 * Must pass: {@code wait(timeout)} in a loop that recomputes the time left from
 * {@code System.nanoTime()} answers truthfully whether the flag was set within an hour, and gives up
 * only once the clock says the hour has passed; on virtual time this takes no real hour.
 */
public class TimedWaitLoopFixture {

    private final Object lock = new Object();
    private boolean ready;

    @RaceTest(executions = 10_000, timeBudget = "5m", executionTimeout = "5s")
    void answerMatchesTheFlag() throws InterruptedException {
        Thread setter = new Thread(() -> {
            synchronized (lock) {
                ready = true;
                lock.notifyAll();
            }
        }, "setter");
        setter.start();
        synchronized (lock) {
            long start = System.nanoTime();
            long deadline = start + TimeUnit.HOURS.toNanos(1);
            long left = deadline - start;
            while (!ready && left > 0) {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
                left = deadline - System.nanoTime();
            }
            if (!ready && System.nanoTime() - start < TimeUnit.HOURS.toNanos(1)) {
                throw new AssertionError("gave up before the hour had passed on the clock");
            }
        }
        setter.join();
    }
}
