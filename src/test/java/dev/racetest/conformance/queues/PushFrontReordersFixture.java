package dev.racetest.conformance.queues;

import dev.racetest.RaceTest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * Must fail: the producer pushes at the head ({@code putFirst}) and the consumer takes from the head,
 * which is first-in-first-out only when the consumer keeps up: once two items wait, the later one is
 * taken first.
 */
public class PushFrontReordersFixture {

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void itemsAreProcessedInOrder() throws InterruptedException {
        LinkedBlockingDeque<Integer> deque = new LinkedBlockingDeque<>();
        Thread producer = new Thread(() -> {
            try {
                deque.putFirst(1);
                deque.putFirst(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "producer");
        producer.start();
        List<Integer> processed = new ArrayList<>();
        processed.add(deque.takeFirst());
        processed.add(deque.takeFirst());
        if (!processed.equals(List.of(1, 2))) {
            throw new AssertionError("processed " + processed); // @assert
        }
        producer.join();
    }
}
