package dev.racetest.conformance.synchronizers;

import dev.racetest.RaceTest;

import java.util.concurrent.Phaser;

/**
 * Must fail: the worker registers with the phaser itself, after it was started, so the test body's
 * {@code arriveAndAwaitAdvance()} can advance the phase before the worker is a party and read its
 * result too early.
 */
public class RegisterInsideTaskFixture {

    private final Phaser phaser = new Phaser(1);
    private int result;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void phaseAdvancesAfterTheWorker() throws InterruptedException {
        Thread worker = new Thread(() -> {
            phaser.register(); // the bug: should be registered before start()
            result = 42;
            phaser.arriveAndDeregister();
        }, "worker");
        worker.start();
        phaser.arriveAndAwaitAdvance();
        int seen = result;
        if (seen != 42) {
            throw new AssertionError("phase advanced before the worker's result: " + seen); // @assert
        }
        worker.join();
    }
}
