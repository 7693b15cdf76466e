package dev.racetest.conformance.queues;

import dev.racetest.RaceTest;

import java.time.Duration;
import java.util.concurrent.DelayQueue;

/**
 * Must pass: a consumer takes two tasks from a {@code DelayQueue}, due in one and two hours; they come
 * out in due order, and only once the (virtual) clock has reached each one's due time. The hours pass
 * on virtual time: the five-second execution timeout fails the test if they are waited for real.
 */
public class DelayQueueOrderFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m", executionTimeout = "5s")
    void tasksComeOutWhenDueInDueOrder() throws InterruptedException {
        DelayQueue<DelayedTask> queue = new DelayQueue<>();
        long start = System.nanoTime();
        queue.put(new DelayedTask("later", Duration.ofHours(2)));
        queue.put(new DelayedTask("sooner", Duration.ofHours(1)));
        String[] taken = new String[2];
        long[] elapsed = new long[2];
        Thread consumer = new Thread(() -> {
            try {
                for (int i = 0; i < 2; i++) {
                    taken[i] = queue.take().name;
                    elapsed[i] = System.nanoTime() - start;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "consumer");
        consumer.start();
        consumer.join();
        if (!"sooner".equals(taken[0]) || !"later".equals(taken[1])
                || elapsed[0] < Duration.ofHours(1).toNanos() || elapsed[1] < Duration.ofHours(2).toNanos()) {
            throw new AssertionError("took " + taken[0] + " after " + Duration.ofNanos(elapsed[0])
                    + ", " + taken[1] + " after " + Duration.ofNanos(elapsed[1]));
        }
    }
}
