package dev.racetest.conformance.time;

import dev.racetest.RaceTest;

/**
 * Must fail, and only through a virtual timeout: the test body waits for the worker with
 * {@code join(1000)} and then uses its result without checking {@code isAlive()}, but the worker takes
 * two seconds (virtual, so the test takes milliseconds).
 */
public class JoinTimeoutTooShortFixture {

    private String result;

    @RaceTest(executions = 10_000, timeBudget = "60s", executionTimeout = "5s")
    void resultIsThereAfterJoin() throws InterruptedException {
        Thread worker = new Thread(() -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                return;
            }
            result = "done";
        }, "worker");
        worker.start();
        worker.join(1_000);
        if (result == null) {
            throw new AssertionError("no result after join(1000)"); // @assert
        }
        worker.join();
    }
}
