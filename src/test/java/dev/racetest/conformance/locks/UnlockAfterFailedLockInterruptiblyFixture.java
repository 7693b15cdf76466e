package dev.racetest.conformance.locks;

import dev.racetest.RaceTest;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Must fail: {@code lockInterruptibly()} sits inside the {@code try} whose {@code finally} unlocks, so
 * when the cancelling interrupt arrives before the lock is taken, {@code unlock()} runs on a lock this
 * thread never held and throws {@code IllegalMonitorStateException}.
 */
public class UnlockAfterFailedLockInterruptiblyFixture {

    private final ReentrantLock lock = new ReentrantLock();
    private int done;
    private boolean cancelled;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void cancelledWorkerEndsQuietly() throws InterruptedException {
        Thread worker = new Thread(() -> {
            try {
                lock.lockInterruptibly();
                done++;
            } catch (InterruptedException e) {
                cancelled = true;
            } finally {
                lock.unlock(); // @unlock
            }
        }, "worker");
        worker.start();
        worker.interrupt();
        worker.join();
    }
}
