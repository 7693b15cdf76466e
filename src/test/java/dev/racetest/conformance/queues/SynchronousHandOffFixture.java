package dev.racetest.conformance.queues;

import dev.racetest.RaceTest;

import java.util.concurrent.SynchronousQueue;

/** Must pass: {@code put} and {@code take} on a {@code SynchronousQueue} hand over every item, in order. */
public class SynchronousHandOffFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void itemsArriveInOrder() throws InterruptedException {
        SynchronousQueue<Integer> queue = new SynchronousQueue<>();
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
