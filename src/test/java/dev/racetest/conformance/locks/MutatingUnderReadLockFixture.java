package dev.racetest.conformance.locks;

import dev.racetest.RaceTest;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Must fail: hit counting is done under the read lock ("it is only a counter"), but read locks are
 * shared, so two hits can read the same count and one increment is lost.
 */
public class MutatingUnderReadLockFixture {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private int hits;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void everyHitCounts() throws InterruptedException {
        Thread first = new Thread(this::hit, "first");
        Thread second = new Thread(this::hit, "second");
        first.start();
        second.start();
        first.join();
        second.join();
        if (hits != 2) {
            throw new AssertionError("counted " + hits + " of 2 hits"); // @assert
        }
    }

    private void hit() {
        lock.readLock().lock();
        try {
            hits++;
        } finally {
            lock.readLock().unlock();
        }
    }
}
