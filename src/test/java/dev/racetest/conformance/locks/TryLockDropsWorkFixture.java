package dev.racetest.conformance.locks;

import dev.racetest.RaceTest;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Must fail: events are recorded only when {@code tryLock()} succeeds at once, so an event that
 * arrives while another is being recorded is silently dropped.
 */
public class TryLockDropsWorkFixture {

    private final ReentrantLock lock = new ReentrantLock();
    private int recorded;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void everyEventIsRecorded() throws InterruptedException {
        Thread first = new Thread(this::record, "first");
        Thread second = new Thread(this::record, "second");
        first.start();
        second.start();
        first.join();
        second.join();
        if (recorded != 2) {
            throw new AssertionError("recorded " + recorded + " of 2 events"); // @assert
        }
    }

    private void record() {
        if (lock.tryLock()) {
            try {
                recorded++;
            } finally {
                lock.unlock();
            }
        }
    }
}
