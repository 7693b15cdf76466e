package dev.racetest.conformance.locks;

import dev.racetest.RaceTest;

import java.util.concurrent.locks.StampedLock;

/**
 * Must fail: a point is read under an optimistic stamp that is never validated, so a move that
 * happens between reading {@code x} and {@code y} yields a point that never existed.
 */
public class OptimisticReadWithoutValidateFixture {

    private final StampedLock lock = new StampedLock();
    private int x;
    private int y;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void readerSeesAPointOnTheDiagonal() throws InterruptedException {
        Thread mover = new Thread(() -> {
            long stamp = lock.writeLock();
            try {
                x = 1;
                y = 1;
            } finally {
                lock.unlockWrite(stamp);
            }
        }, "mover");
        mover.start();
        long stamp = lock.tryOptimisticRead();
        int seenX = x;
        int seenY = y;
        // the bug: lock.validate(stamp) is never checked, so a torn read is used as is
        if (stamp == 0 || seenX != seenY) {
            throw new AssertionError("read a point off the diagonal: " + seenX + "," + seenY); // @assert
        }
        mover.join();
    }
}
