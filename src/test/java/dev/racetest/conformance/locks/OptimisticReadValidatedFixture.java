package dev.racetest.conformance.locks;

import dev.racetest.RaceTest;

import java.util.concurrent.locks.StampedLock;

/**
 * Must pass: the optimistic read from {@code StampedLock}'s Javadoc, validated and retried under the
 * read lock when a write intervened, never yields a torn point.
 */
public class OptimisticReadValidatedFixture {

    private final StampedLock lock = new StampedLock();
    private int x;
    private int y;

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void readerSeesAPointOnTheDiagonal() throws InterruptedException {
        Thread mover = new Thread(() -> {
            long stamp = lock.writeLock();
            try {
                x++;
                y++;
            } finally {
                lock.unlockWrite(stamp);
            }
        }, "mover");
        mover.start();
        long stamp = lock.tryOptimisticRead();
        int seenX = x;
        int seenY = y;
        if (!lock.validate(stamp)) {
            stamp = lock.readLock();
            try {
                seenX = x;
                seenY = y;
            } finally {
                lock.unlockRead(stamp);
            }
        }
        mover.join();
        if (seenX != seenY) {
            throw new AssertionError("read a point off the diagonal: " + seenX + "," + seenY);
        }
    }
}
