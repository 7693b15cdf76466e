package dev.racetest.conformance.locks;

import dev.racetest.RaceTest;

import java.util.concurrent.locks.ReentrantLock;

/** Must pass: a counter guarded by {@code lock()} with {@code unlock()} in {@code finally}, reentered once. */
public class LockedCounterFixture {

    private final ReentrantLock lock = new ReentrantLock();
    private int count;

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void everyIncrementCounts() throws InterruptedException {
        Thread first = new Thread(this::incrementTwice, "first");
        Thread second = new Thread(this::incrementTwice, "second");
        first.start();
        second.start();
        first.join();
        second.join();
        lock.lock();
        try {
            if (count != 4 || lock.getHoldCount() != 1) {
                throw new AssertionError("counted " + count + " of 4 increments, hold count " + lock.getHoldCount());
            }
        } finally {
            lock.unlock();
        }
    }

    private void incrementTwice() {
        lock.lock();
        try {
            count++;
            increment(); // reentrant: the same thread takes the lock again
        } finally {
            lock.unlock();
        }
    }

    private void increment() {
        lock.lock();
        try {
            count++;
        } finally {
            lock.unlock();
        }
    }
}
