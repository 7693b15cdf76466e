package dev.racetest.conformance.collections;

import dev.racetest.RaceTest;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Must fail: {@code isEmpty()} then {@code remove()} on a {@code ConcurrentLinkedQueue}: another
 * consumer can take the only element in between and {@code remove()} throws.
 */
public class CheckThenRemoveConcurrentQueueFixture {

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void bothConsumersFinish() throws InterruptedException {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
        queue.add("event");
        Thread other = new Thread(queue::poll, "other-consumer");
        other.start();
        if (!queue.isEmpty()) {
            queue.remove(); // @remove
        }
        other.join();
    }
}
