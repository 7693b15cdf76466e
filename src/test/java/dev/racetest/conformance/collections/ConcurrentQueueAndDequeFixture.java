package dev.racetest.conformance.collections;

import dev.racetest.RaceTest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Must pass: two producers offer to a {@code ConcurrentLinkedQueue} (each one's order is kept) and
 * push to both ends of a {@code ConcurrentLinkedDeque}, while the test body polls; nothing is lost or
 * duplicated.
 */
public class ConcurrentQueueAndDequeFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void nothingIsLostOrDuplicated() throws InterruptedException {
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedDeque<Integer> deque = new ConcurrentLinkedDeque<>();
        Thread low = new Thread(() -> {
            queue.offer(1);
            queue.offer(2);
            deque.offerFirst(1);
        }, "low");
        Thread high = new Thread(() -> {
            queue.offer(3);
            queue.offer(4);
            deque.offerLast(2);
        }, "high");
        low.start();
        high.start();
        List<Integer> polled = new ArrayList<>();
        Integer early = queue.poll();
        if (early != null) {
            polled.add(early);
        }
        low.join();
        high.join();
        for (Integer item = queue.poll(); item != null; item = queue.poll()) {
            polled.add(item);
        }
        if (polled.size() != 4 || polled.indexOf(1) > polled.indexOf(2) || polled.indexOf(3) > polled.indexOf(4)
                || deque.size() != 2 || deque.peekFirst() != 1 || deque.peekLast() != 2) {
            throw new AssertionError("polled " + polled + ", deque " + deque);
        }
    }
}
