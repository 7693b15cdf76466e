package dev.racetest.conformance.threads;

import dev.racetest.RaceTest;

/**
 * Must fail as a livelock: the worker loops until interrupted but catches the
 * {@code InterruptedException} from {@code sleep} and drops it, and the exception has already cleared
 * the interrupt status; when the interrupt arrives during the sleep, the loop never ends.
 */
public class SwallowedInterruptFixture {

    private int rounds;

    @RaceTest(executions = 10_000, timeBudget = "60s", maxSteps = 5_000, executionTimeout = "5s")
    void workerStopsWhenInterrupted() throws InterruptedException {
        Thread worker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                rounds++; // @loop
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    // the bug: the interrupt is swallowed, and the flag was cleared when it was thrown
                }
            }
        }, "worker");
        worker.start();
        worker.interrupt();
        worker.join();
    }
}
