package dev.racetest.conformance.queues;

import dev.racetest.RaceTest;

import java.util.concurrent.ArrayBlockingQueue;

/** Must pass: {@code put} and {@code take} through a one-slot {@code ArrayBlockingQueue} keep every item, in order. */
public class ArrayBlockingQueueHandOffFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void itemsArriveInOrder() throws InterruptedException {
        ArrayBlockingQueue<Integer> queue = new ArrayBlockingQueue<>(1);
        Thread producer = new Thread(() -> {
            try {
                for (int i = 1; i <= 3; i++) {
                    queue.put(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "producer");
        producer.start();
        for (int expected = 1; expected <= 3; expected++) {
            int item = queue.take();
            if (item != expected) {
                throw new AssertionError("took " + item + " where " + expected + " was due");
            }
        }
        producer.join();
    }
}
