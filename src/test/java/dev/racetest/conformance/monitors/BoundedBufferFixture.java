package dev.racetest.conformance.monitors;

import dev.racetest.RaceTest;

/**
 * Must pass: a one-slot buffer written the way {@code Object.wait}'s Javadoc says, with the condition
 * rechecked in a {@code while} loop and {@code notifyAll}, shared by two producers and one consumer.
 * It stays correct under any interleaving, spurious wake-up and notify order.
 */
public class BoundedBufferFixture {

    static final class Slot {
        private Integer item;

        synchronized void put(int value) throws InterruptedException {
            while (item != null) {
                wait();
            }
            item = value;
            notifyAll();
        }

        synchronized int take() throws InterruptedException {
            while (item == null) {
                wait();
            }
            int value = item;
            item = null;
            notifyAll();
            return value;
        }
    }

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void everyItemArrivesOnce() throws InterruptedException {
        Slot slot = new Slot();
        Thread one = new Thread(() -> put(slot, 1), "producer-1");
        Thread two = new Thread(() -> put(slot, 2), "producer-2");
        one.start();
        two.start();
        int sum = slot.take() + slot.take();
        one.join();
        two.join();
        if (sum != 3) {
            throw new AssertionError("took items summing to " + sum);
        }
    }

    private static void put(Slot slot, int value) {
        try {
            slot.put(value);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
