package dev.racetest.conformance.queues;

import dev.racetest.RaceTest;

import java.time.Duration;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.TimeUnit;

/**
 * Must fail: the test body peeks at the head of a {@code DelayQueue}, sees it is due, and polls it,
 * assuming it gets that task; a second consumer can take it in between, and {@code poll()} returns
 * {@code null}.
 */
public class PeekThenPollDueTaskFixture {

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void dueTaskIsTaken() throws InterruptedException {
        DelayQueue<DelayedTask> queue = new DelayQueue<>();
        queue.add(new DelayedTask("report", Duration.ZERO));
        Thread other = new Thread(queue::poll, "other-consumer");
        other.start();
        DelayedTask head = queue.peek();
        if (head != null && head.getDelay(TimeUnit.NANOSECONDS) <= 0) {
            DelayedTask taken = queue.poll();
            if (taken == null) {
                throw new AssertionError("the due task was taken between peek and poll"); // @assert
            }
        }
        other.join();
    }
}
