package dev.racetest.conformance.conditions;

import dev.racetest.RaceTest;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Must fail, and only because {@code signal()} may wake any waiter: two threads wait on one
 * {@code Condition}, the second starting only once the first provably waits, and a single
 * {@code signal()} hands out one permit; the test asserts the first waiter got it. The JDK's
 * conditions always wake the longest waiting thread, so this never fails on them, but
 * {@code Condition} promises no order. Explored without spurious wake-ups, with which either waiter
 * could take the permit anyway.
 */
public class SignalWakesLaterWaiterFixture {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition permitted = lock.newCondition();
    private int permits;
    private String firstTaker;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void longestWaitingThreadIsSignalled() throws InterruptedException {
        Thread first = new Thread(() -> takePermit("first"), "first");
        Thread second = new Thread(() -> takePermit("second"), "second");
        first.start();
        awaitWaiters(1);
        second.start();
        awaitWaiters(2);
        grantPermit();
        String taker = awaitFirstTaker();
        grantPermit(); // lets the other waiter finish
        first.join();
        second.join();
        if (!taker.equals("first")) {
            throw new AssertionError("signal() woke the thread that began waiting second"); // @assert
        }
    }

    private void takePermit(String name) {
        lock.lock();
        try {
            while (permits == 0) {
                permitted.await();
            }
            permits--;
            if (firstTaker == null) {
                firstTaker = name;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void grantPermit() {
        lock.lock();
        try {
            permits++;
            permitted.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Spin until {@code count} threads wait on the condition, as the lock reports it. */
    private void awaitWaiters(int count) {
        while (true) {
            lock.lock();
            try {
                if (lock.getWaitQueueLength(permitted) == count) {
                    return;
                }
            } finally {
                lock.unlock();
            }
            Thread.yield();
        }
    }

    private String awaitFirstTaker() {
        while (true) {
            lock.lock();
            try {
                if (firstTaker != null) {
                    return firstTaker;
                }
            } finally {
                lock.unlock();
            }
            Thread.yield();
        }
    }
}
