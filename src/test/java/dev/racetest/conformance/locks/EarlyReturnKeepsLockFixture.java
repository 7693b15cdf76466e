package dev.racetest.conformance.locks;

import dev.racetest.RaceTest;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Must fail: a withdrawal returns early on insufficient funds without unlocking (no
 * {@code try/finally}), so when it runs before the deposit the lock stays held by a thread that has
 * ended and the test body blocks in {@code lock()} forever.
 */
public class EarlyReturnKeepsLockFixture {

    private final ReentrantLock lock = new ReentrantLock();
    private int balance;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void depositAndWithdrawFinish() throws InterruptedException {
        Thread withdrawal = new Thread(() -> withdraw(10), "withdrawal");
        withdrawal.start();
        lock.lock(); // @deposit-locks
        try {
            balance += 100;
        } finally {
            lock.unlock();
        }
        withdrawal.join();
    }

    private void withdraw(int amount) {
        lock.lock();
        if (balance < amount) {
            return; // the bug: returns while holding the lock
        }
        balance -= amount;
        lock.unlock();
    }
}
