package dev.racetest.conformance.queues;

import dev.racetest.RaceTest;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Must pass: one producer, two consumers on a {@code LinkedBlockingQueue}, shut down with one poison
 * pill per consumer; every job is consumed exactly once.
 */
public class PoisonPillFixture {

    private static final int PILL = -1;

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void everyJobIsConsumedOnce() throws InterruptedException {
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
        AtomicInteger sum = new AtomicInteger();
        Runnable consumer = () -> {
            try {
                for (int job = queue.take(); job != PILL; job = queue.take()) {
                    sum.addAndGet(job);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread first = new Thread(consumer, "consumer-1");
        Thread second = new Thread(consumer, "consumer-2");
        first.start();
        second.start();
        for (int job = 1; job <= 3; job++) {
            queue.put(job);
        }
        queue.put(PILL);
        queue.put(PILL);
        first.join();
        second.join();
        if (sum.get() != 6) {
            throw new AssertionError("consumed jobs summing to " + sum.get());
        }
    }
}
