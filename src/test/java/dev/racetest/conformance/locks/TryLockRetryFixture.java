package dev.racetest.conformance.locks;

import dev.racetest.RaceTest;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Must pass: {@code tryLock(timeout)} in a loop that retries when the timeout expires, so no update is
 * lost however often a virtual timeout fires while the other thread holds the lock.
 */
public class TryLockRetryFixture {

    private final ReentrantLock lock = new ReentrantLock();
    private int count;

    @RaceTest(executions = 10_000, timeBudget = "5m", executionTimeout = "5s")
    void retriedIncrementsAllCount() throws InterruptedException {
        Thread other = new Thread(() -> {
            try {
                incrementWithRetry();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "other");
        other.start();
        int retries = incrementWithRetry();
        other.join();
        if (count != 2) {
            throw new AssertionError("counted " + count + " of 2 increments after " + retries + " retries");
        }
    }

    private int incrementWithRetry() throws InterruptedException {
        int retries = 0;
        while (!lock.tryLock(100, TimeUnit.MILLISECONDS)) {
            retries++;
        }
        try {
            count++;
        } finally {
            lock.unlock();
        }
        return retries;
    }
}
