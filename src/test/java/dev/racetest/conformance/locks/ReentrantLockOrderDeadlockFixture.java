package dev.racetest.conformance.locks;

import dev.racetest.RaceTest;

import java.util.concurrent.locks.ReentrantLock;

/** Must fail: two threads take the same two {@code ReentrantLock}s in opposite orders and deadlock. */
public class ReentrantLockOrderDeadlockFixture {

    private final ReentrantLock accounts = new ReentrantLock();
    private final ReentrantLock audit = new ReentrantLock();
    private int entries;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void transferAndAuditFinish() throws InterruptedException {
        Thread transfer = new Thread(() -> both(accounts, audit), "transfer");
        Thread auditor = new Thread(() -> both(audit, accounts), "auditor");
        transfer.start();
        auditor.start();
        transfer.join();
        auditor.join();
    }

    private void both(ReentrantLock first, ReentrantLock second) {
        first.lock();
        try {
            entries++;
            second.lock(); // @second-lock
            try {
                entries++;
            } finally {
                second.unlock();
            }
        } finally {
            first.unlock();
        }
    }
}
