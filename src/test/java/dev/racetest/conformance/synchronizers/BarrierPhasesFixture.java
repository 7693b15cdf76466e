package dev.racetest.conformance.synchronizers;

import dev.racetest.RaceTest;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * Must pass: two parties add to their own slots, and the barrier action (run by the last party to
 * arrive, before either is released) folds the slots into a total; the barrier is used for two
 * rounds.
 */
public class BarrierPhasesFixture {

    private final int[] slots = new int[2];
    private int total;
    private final CyclicBarrier barrier = new CyclicBarrier(2, () -> total += slots[0] + slots[1]);

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void totalAddsUpAfterEachRound() throws Exception {
        Thread partner = new Thread(() -> {
            try {
                for (int round = 1; round <= 2; round++) {
                    slots[1] = round;
                    barrier.await();
                }
            } catch (InterruptedException | BrokenBarrierException e) {
                Thread.currentThread().interrupt();
            }
        }, "partner");
        partner.start();
        slots[0] = 10;
        barrier.await();
        int afterFirst = total;
        slots[0] = 20;
        barrier.await();
        partner.join();
        if (afterFirst != 11 || total != 11 + 22) {
            throw new AssertionError("totals " + afterFirst + " then " + total);
        }
    }
}
