package dev.racetest.conformance.conditions;

import dev.racetest.RaceTest;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Must fail, and only through a spurious wake-up: the waiter checks its condition with {@code if}
 * instead of {@code while} around {@code Condition.await()}, which its Javadoc says may return
 * spuriously. Every signal-driven interleaving is correct.
 */
public class IfInsteadOfWhileAwaitFixture {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition published = lock.newCondition();
    private String value;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void waiterSeesTheValue() throws InterruptedException {
        Thread publisher = new Thread(() -> {
            lock.lock();
            try {
                value = "ready";
                published.signal();
            } finally {
                lock.unlock();
            }
        }, "publisher");
        publisher.start();
        lock.lock();
        try {
            if (value == null) {
                published.await();
            }
            if (value == null) {
                throw new AssertionError("woke up before the value was published"); // @assert
            }
        } finally {
            lock.unlock();
        }
        publisher.join();
    }
}
