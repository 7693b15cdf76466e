package dev.racetest.conformance.queues;

import dev.racetest.RaceTest;

import java.util.concurrent.PriorityBlockingQueue;

/**
 * Must fail: a {@code PriorityBlockingQueue} orders what is in it, not what is about to arrive; the
 * consumer assumes the urgent item (priority 0) always comes first, but it can take the routine one
 * before the urgent one has been queued.
 */
public class PriorityOfItemsNotYetQueuedFixture {

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void urgentItemComesFirst() throws InterruptedException {
        PriorityBlockingQueue<Integer> queue = new PriorityBlockingQueue<>();
        Thread producer = new Thread(() -> {
            queue.put(5);
            queue.put(0);
        }, "producer");
        producer.start();
        int first = queue.take();
        if (first != 0) {
            throw new AssertionError("took priority " + first + " before the urgent item"); // @assert
        }
        producer.join();
    }
}
