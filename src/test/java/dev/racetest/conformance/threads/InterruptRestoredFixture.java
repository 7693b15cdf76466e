package dev.racetest.conformance.threads;

import dev.racetest.RaceTest;

/**
 * Must pass: the worker loops until interrupted and, when {@code sleep} throws
 * {@code InterruptedException}, restores the interrupt status before leaving the loop, so it stops
 * wherever the interrupt lands; {@code isInterrupted()} stays {@code true} afterwards.
 */
public class InterruptRestoredFixture {

    private volatile boolean sawInterrupt;

    @RaceTest(executions = 10_000, timeBudget = "5m", executionTimeout = "5s")
    void workerStopsWhenInterrupted() throws InterruptedException {
        Thread worker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            sawInterrupt = Thread.currentThread().isInterrupted();
        }, "worker");
        worker.start();
        worker.interrupt();
        worker.join();
        if (!sawInterrupt) {
            throw new AssertionError("the worker ended without its interrupt status");
        }
    }
}
