package dev.racetest.conformance.locks;

import dev.racetest.RaceTest;

import java.util.concurrent.locks.StampedLock;

/**
 * Must fail: {@code tryConvertToWriteLock} returns 0 when the conversion is not possible at once (here
 * because a reader holds the read lock too), and the mover uses that 0 as a write stamp, so
 * {@code unlockWrite(0)} throws {@code IllegalMonitorStateException}.
 */
public class ConversionResultIgnoredFixture {

    private final StampedLock lock = new StampedLock();
    private int x;
    private int seen;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void moveFromOriginFinishes() throws InterruptedException {
        Thread reader = new Thread(() -> {
            long stamp = lock.readLock();
            try {
                seen = x;
            } finally {
                lock.unlockRead(stamp);
            }
        }, "reader");
        Thread mover = new Thread(() -> {
            long stamp = lock.readLock();
            if (x == 0) {
                long writeStamp = lock.tryConvertToWriteLock(stamp); // 0 when another reader holds the lock
                x = 1;
                lock.unlockWrite(writeStamp); // @unlock
            } else {
                lock.unlockRead(stamp);
            }
        }, "mover");
        reader.start();
        mover.start();
        reader.join();
        mover.join();
    }
}
