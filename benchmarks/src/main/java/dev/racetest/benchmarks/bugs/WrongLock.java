package dev.racetest.benchmarks.bugs;

/**
 * Wrong lock: two threads update the same field, each holding a lock, but not the same lock, so the
 * critical sections do not exclude each other and an update is lost.
 */
public final class WrongLock {

    private final Object depositLock = new Object();
    private final Object interestLock = new Object();
    private int balance = 100;

    public void run() throws InterruptedException {
        Thread deposit = new Thread(() -> {
            synchronized (depositLock) {
                balance = balance + 50;
            }
        }, "deposit");
        Thread interest = new Thread(() -> {
            synchronized (interestLock) { // bug: guards balance with a different lock
                balance = balance + 10;
            }
        }, "interest");
        deposit.start();
        interest.start();
        deposit.join();
        interest.join();
        if (balance != 160) {
            throw new AssertionError("lost an update: balance is " + balance + ", not 160");
        }
    }
}
