package dev.racetest.conformance.queues;

import dev.racetest.RaceTest;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * Must fail: the test body checks {@code isEmpty()} and then calls {@code remove()}, but another
 * consumer can take the only item in between, so {@code remove()} throws {@code NoSuchElementException}.
 */
public class CheckThenRemoveFixture {

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void bothConsumersFinish() throws InterruptedException {
        ArrayBlockingQueue<String> queue = new ArrayBlockingQueue<>(1);
        queue.add("job");
        Thread other = new Thread(queue::poll, "other-consumer");
        other.start();
        if (!queue.isEmpty()) {
            queue.remove(); // @remove
        }
        other.join();
    }
}
