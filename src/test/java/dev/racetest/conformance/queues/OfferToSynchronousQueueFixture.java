package dev.racetest.conformance.queues;

import dev.racetest.RaceTest;

import java.util.concurrent.SynchronousQueue;

/**
 * Must fail: {@code offer} on a {@code SynchronousQueue} succeeds only when a consumer is already
 * waiting; the producer ignores its {@code false} result, so when it runs first the job is dropped and
 * the consumer (the test body) waits in {@code take()} forever.
 */
public class OfferToSynchronousQueueFixture {

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void consumerGetsTheJob() throws InterruptedException {
        SynchronousQueue<String> queue = new SynchronousQueue<>();
        Thread producer = new Thread(() -> queue.offer("job"), "producer");
        producer.start();
        queue.take(); // @take
        producer.join();
    }
}
