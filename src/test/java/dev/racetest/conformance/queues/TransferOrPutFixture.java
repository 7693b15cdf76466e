package dev.racetest.conformance.queues;

import dev.racetest.RaceTest;

import java.util.concurrent.LinkedTransferQueue;

/**
 * Must pass: {@code tryTransfer} falls back to {@code put} when no consumer waits, and {@code transfer}
 * waits for one; the consumer gets both items exactly once and the queue ends empty.
 */
public class TransferOrPutFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void consumerGetsBothItems() throws InterruptedException {
        LinkedTransferQueue<Integer> queue = new LinkedTransferQueue<>();
        Thread producer = new Thread(() -> {
            if (!queue.tryTransfer(1)) {
                queue.put(1);
            }
            try {
                queue.transfer(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "producer");
        producer.start();
        int first = queue.take();
        int second = queue.take();
        producer.join();
        if (first != 1 || second != 2 || !queue.isEmpty()) {
            throw new AssertionError("took " + first + ", " + second + "; left " + queue);
        }
    }
}
