package dev.racetest.conformance.locks;

import dev.racetest.RaceTest;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Must fail, and only through a virtual timeout: the refresher holds the lock across a slow call (an
 * hour's sleep, which takes no real time under racetest), so the reader's {@code tryLock(1, SECONDS)}
 * gives up. Real time would make this test take an hour; the execution timeout of five seconds makes
 * sure it does not.
 */
public class TryLockTimesOutWhileHolderSleepsFixture {

    private final ReentrantLock lock = new ReentrantLock();
    private String cached = "stale";

    @RaceTest(executions = 10_000, timeBudget = "60s", executionTimeout = "5s")
    void readerGetsTheLockWithinASecond() throws InterruptedException {
        Thread refresher = new Thread(() -> {
            lock.lock();
            try {
                Thread.sleep(Duration.ofHours(1)); // the slow call, made while holding the lock
                cached = "fresh";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        }, "refresher");
        refresher.start();
        if (!lock.tryLock(1, TimeUnit.SECONDS)) {
            throw new AssertionError("could not get the lock within 1 second"); // @assert
        }
        try {
            cached.length();
        } finally {
            lock.unlock();
        }
        refresher.join();
    }
}
