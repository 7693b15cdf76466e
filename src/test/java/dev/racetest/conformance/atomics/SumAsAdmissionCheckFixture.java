package dev.racetest.conformance.atomics;

import dev.racetest.RaceTest;

import java.util.concurrent.atomic.LongAdder;

/**
 * Must fail: a rate limiter admits a request when {@code LongAdder.sum()} is under the limit and then
 * increments; {@code sum()} is not atomic with the increments, so two requests can both be admitted
 * under a limit of one.
 */
public class SumAsAdmissionCheckFixture {

    private final LongAdder admitted = new LongAdder();

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void neverMoreThanTheLimit() throws InterruptedException {
        Thread first = new Thread(() -> admit(1), "first");
        Thread second = new Thread(() -> admit(1), "second");
        first.start();
        second.start();
        first.join();
        second.join();
        if (admitted.sum() > 1) {
            throw new AssertionError("admitted " + admitted.sum() + " requests under a limit of 1"); // @assert
        }
    }

    private void admit(long limit) {
        if (admitted.sum() < limit) {
            admitted.increment();
        }
    }
}
