package dev.racetest.conformance.collections;

import dev.racetest.RaceTest;

import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Must fail: the test body sees the marker at the tail of a {@code ConcurrentLinkedDeque} with
 * {@code peekLast} and then removes the tail with {@code pollLast}, but a producer can append in
 * between, and the element removed is not the marker.
 */
public class PeekLastThenPollLastFixture {

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void removesTheMarker() throws InterruptedException {
        ConcurrentLinkedDeque<String> deque = new ConcurrentLinkedDeque<>();
        deque.add("marker");
        Thread producer = new Thread(() -> deque.addLast("event"), "producer");
        producer.start();
        if ("marker".equals(deque.peekLast())) {
            String removed = deque.pollLast();
            if (!"marker".equals(removed)) {
                throw new AssertionError("removed " + removed + " instead of the marker"); // @assert
            }
        }
        producer.join();
    }
}
