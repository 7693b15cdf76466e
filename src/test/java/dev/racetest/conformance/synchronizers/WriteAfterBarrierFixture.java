package dev.racetest.conformance.synchronizers;

import dev.racetest.RaceTest;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * Must fail: the partner publishes its part after the barrier instead of before it, so the test body,
 * passing the same barrier, can read the part before it is written.
 */
public class WriteAfterBarrierFixture {

    private final CyclicBarrier barrier = new CyclicBarrier(2);
    private int part;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void partIsReadyAfterTheBarrier() throws Exception {
        Thread partner = new Thread(() -> {
            try {
                barrier.await();
            } catch (InterruptedException | BrokenBarrierException e) {
                return;
            }
            part = 21; // the bug: should be written before await()
        }, "partner");
        partner.start();
        barrier.await();
        int seen = part;
        if (seen != 21) {
            throw new AssertionError("read part " + seen + " after the barrier"); // @assert
        }
        partner.join();
    }
}
