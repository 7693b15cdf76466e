package dev.racetest.conformance.synchronizers;

import dev.racetest.RaceTest;

import java.util.concurrent.CountDownLatch;

/**
 * Must fail: the worker counts the latch down when it starts instead of when it has finished, so the
 * test body can pass {@code await()} and read the result before it is computed.
 */
public class CountDownBeforeWorkFixture {

    private final CountDownLatch done = new CountDownLatch(1);
    private int result;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void resultIsReadAfterItIsComputed() throws InterruptedException {
        Thread worker = new Thread(() -> {
            done.countDown(); // the bug: should come after the work
            result = 6 * 7;
        }, "worker");
        worker.start();
        done.await();
        int seen = result;
        if (seen != 42) {
            throw new AssertionError("read " + seen + " before the worker computed 42"); // @assert
        }
        worker.join();
    }
}
