package dev.racetest.conformance.atomics;

import dev.racetest.RaceTest;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Must pass: a {@code LongAdder} counts and a {@code LongAccumulator} keeps the maximum from two
 * threads; once both are joined, {@code sum()} and {@code get()} are exact.
 */
public class AdderAndAccumulatorFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void totalsAreExactAfterJoin() throws InterruptedException {
        LongAdder requests = new LongAdder();
        LongAccumulator slowest = new LongAccumulator(Math::max, 0);
        Thread first = new Thread(() -> {
            requests.increment();
            slowest.accumulate(30);
            requests.add(2);
        }, "first");
        Thread second = new Thread(() -> {
            requests.increment();
            slowest.accumulate(70);
        }, "second");
        first.start();
        second.start();
        first.join();
        second.join();
        if (requests.sum() != 4 || slowest.get() != 70) {
            throw new AssertionError("requests " + requests.sum() + ", slowest " + slowest.get());
        }
    }
}
