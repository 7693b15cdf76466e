package dev.racetest.conformance.time;

import dev.racetest.RaceTest;

/**
 * Must pass: polling a volatile flag with {@code Thread.sleep(100)} between checks; the payload
 * written before the flag is seen once the flag is, however many polls (of virtual time) it takes.
 */
public class SleepPollingFixture {

    private volatile boolean done;
    private int payload;

    @RaceTest(executions = 10_000, timeBudget = "5m", executionTimeout = "5s")
    void pollerSeesThePayload() throws InterruptedException {
        Thread worker = new Thread(() -> {
            payload = 42;
            done = true;
        }, "worker");
        worker.start();
        while (!done) {
            Thread.sleep(100);
        }
        if (payload != 42) {
            throw new AssertionError("payload " + payload + " after the flag");
        }
        worker.join();
    }
}
