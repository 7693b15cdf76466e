package dev.racetest.conformance.conditions;

import dev.racetest.RaceTest;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Must pass: the bounded buffer from {@code Condition}'s Javadoc (one slot, {@code notFull} and
 * {@code notEmpty}, {@code await} in {@code while} loops, {@code signal}) with two producers and one
 * consumer. One condition per predicate makes {@code signal} safe.
 */
public class TwoConditionBufferFixture {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private Integer item;

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void everyItemArrivesOnce() throws InterruptedException {
        Thread one = new Thread(() -> put(1), "producer-1");
        Thread two = new Thread(() -> put(2), "producer-2");
        one.start();
        two.start();
        int sum = take() + take();
        one.join();
        two.join();
        if (sum != 3) {
            throw new AssertionError("took items summing to " + sum);
        }
    }

    private void put(int value) {
        lock.lock();
        try {
            while (item != null) {
                notFull.await();
            }
            item = value;
            notEmpty.signal();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private int take() throws InterruptedException {
        lock.lock();
        try {
            while (item == null) {
                notEmpty.await();
            }
            int value = item;
            item = null;
            notFull.signal();
            return value;
        } finally {
            lock.unlock();
        }
    }
}
