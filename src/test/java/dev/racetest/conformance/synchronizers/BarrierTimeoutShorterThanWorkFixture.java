package dev.racetest.conformance.synchronizers;

import dev.racetest.RaceTest;

import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Must fail, and only through a virtual timeout: the test body waits at the barrier for one second,
 * but the other party works for an hour before it arrives (virtual: no real time passes), so
 * {@code await(1, SECONDS)} throws {@code TimeoutException} in the test body.
 */
public class BarrierTimeoutShorterThanWorkFixture {

    private final CyclicBarrier barrier = new CyclicBarrier(2);

    @RaceTest(executions = 10_000, timeBudget = "60s", executionTimeout = "5s")
    void bothPartiesMeet() throws Exception {
        Thread slow = new Thread(() -> {
            try {
                Thread.sleep(Duration.ofHours(1));
                barrier.await();
            } catch (InterruptedException | BrokenBarrierException e) {
                // the barrier broke because the other party gave up: nothing left to do
            }
        }, "slow");
        slow.start();
        barrier.await(1, TimeUnit.SECONDS); // @await
        slow.join();
    }
}
