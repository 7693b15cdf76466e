package dev.racetest.conformance.queues;

import dev.racetest.RaceTest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;

/**
 * Must pass: two producers add to a {@code PriorityBlockingQueue} while the test body takes one item;
 * once both producers are done, what is left drains in priority order and nothing is lost.
 */
public class PriorityDrainFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void restDrainsInPriorityOrder() throws InterruptedException {
        PriorityBlockingQueue<Integer> queue = new PriorityBlockingQueue<>();
        Thread odd = new Thread(() -> {
            queue.put(3);
            queue.put(1);
        }, "odd");
        Thread even = new Thread(() -> {
            queue.put(4);
            queue.put(2);
        }, "even");
        odd.start();
        even.start();
        int taken = queue.take();
        odd.join();
        even.join();
        List<Integer> rest = new ArrayList<>();
        queue.drainTo(rest);
        List<Integer> sorted = new ArrayList<>(rest);
        sorted.sort(null);
        if (rest.size() != 3 || !rest.equals(sorted) || rest.contains(taken)
                || taken + rest.stream().mapToInt(Integer::intValue).sum() != 10) {
            throw new AssertionError("took " + taken + ", then drained " + rest);
        }
    }
}
