package dev.racetest.conformance.locks;

import dev.racetest.RaceTest;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Must pass: {@code lockInterruptibly()} before the {@code try} that unlocks, as its Javadoc shows, so
 * a worker interrupted while waiting for the lock (held by the test body) gives up cleanly and one
 * that got the lock does its work; either way exactly one of the two happens.
 */
public class InterruptibleLockFixture {

    private final ReentrantLock lock = new ReentrantLock();
    private int done;
    private int cancelled;

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void workerEitherWorksOrGivesUp() throws InterruptedException {
        Thread worker = new Thread(() -> {
            try {
                lock.lockInterruptibly();
            } catch (InterruptedException e) {
                cancelled++;
                return;
            }
            try {
                done++;
            } finally {
                lock.unlock();
            }
        }, "worker");
        lock.lock();
        try {
            worker.start();
            worker.interrupt();
        } finally {
            lock.unlock();
        }
        worker.join();
        if (done + cancelled != 1) {
            throw new AssertionError("done " + done + ", cancelled " + cancelled);
        }
    }
}
