package dev.racetest.conformance.locks;

import dev.racetest.RaceTest;

import java.util.concurrent.locks.StampedLock;

/**
 * Must pass: {@code moveIfAtOrigin} from {@code StampedLock}'s Javadoc, run by two threads: each
 * converts its read stamp to a write stamp, or falls back to a full write lock when the conversion
 * fails, and rechecks; exactly one of them moves the point.
 */
public class StampedLockConversionFixture {

    private final StampedLock lock = new StampedLock();
    private int x;
    private int moves;

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void exactlyOneMoveFromTheOrigin() throws InterruptedException {
        Thread first = new Thread(this::moveIfAtOrigin, "first");
        Thread second = new Thread(this::moveIfAtOrigin, "second");
        first.start();
        second.start();
        first.join();
        second.join();
        if (x != 1 || moves != 1) {
            throw new AssertionError("x = " + x + " after " + moves + " moves");
        }
    }

    private void moveIfAtOrigin() {
        long stamp = lock.readLock();
        try {
            while (x == 0) {
                long writeStamp = lock.tryConvertToWriteLock(stamp);
                if (writeStamp != 0L) {
                    stamp = writeStamp;
                    x = 1;
                    moves++;
                    break;
                }
                lock.unlockRead(stamp);
                stamp = lock.writeLock();
            }
        } finally {
            lock.unlock(stamp);
        }
    }
}
