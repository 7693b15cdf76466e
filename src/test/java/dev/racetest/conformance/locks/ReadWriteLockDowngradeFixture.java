package dev.racetest.conformance.locks;

import dev.racetest.RaceTest;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Must pass: the writer updates a pair under the write lock, downgrades to the read lock (takes the
 * read lock before releasing the write lock, as {@code ReentrantReadWriteLock}'s Javadoc shows) and
 * reads back its own update; a reader under the read lock sees the pair whole, never half-written.
 */
public class ReadWriteLockDowngradeFixture {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private int low;
    private int high;

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void pairIsAlwaysConsistent() throws InterruptedException {
        int[] seen = new int[2];
        Thread reader = new Thread(() -> {
            lock.readLock().lock();
            try {
                seen[0] = low;
                seen[1] = high;
            } finally {
                lock.readLock().unlock();
            }
        }, "reader");
        reader.start();
        lock.writeLock().lock();
        int readBack;
        try {
            low = 1;
            high = 2;
            lock.readLock().lock(); // downgrade: keep reading what was just written
        } finally {
            lock.writeLock().unlock();
        }
        try {
            readBack = low + high;
        } finally {
            lock.readLock().unlock();
        }
        reader.join();
        if (readBack != 3 || seen[1] != 2 * seen[0]) {
            throw new AssertionError("read back " + readBack + ", reader saw " + seen[0] + "/" + seen[1]);
        }
    }
}
