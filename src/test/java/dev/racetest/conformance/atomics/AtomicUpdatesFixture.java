package dev.racetest.conformance.atomics;

import dev.racetest.RaceTest;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Must pass: {@code incrementAndGet}, {@code updateAndGet}, {@code accumulateAndGet} and a
 * {@code compareAndSet} lazy initialisation, from two threads at once.
 */
public class AtomicUpdatesFixture {

    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong max = new AtomicLong();
    private final AtomicReference<Object> instance = new AtomicReference<>();
    private final AtomicInteger created = new AtomicInteger();

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void updatesAreAtomic() throws InterruptedException {
        Thread first = new Thread(() -> work(3), "first");
        Thread second = new Thread(() -> work(5), "second");
        first.start();
        second.start();
        first.join();
        second.join();
        if (count.get() != 4 || max.get() != 5 || created.get() != 1 || instance.get() == null) {
            throw new AssertionError("count " + count + ", max " + max + ", created " + created);
        }
    }

    private void work(long value) {
        count.incrementAndGet();
        count.updateAndGet(c -> c + 1);
        max.accumulateAndGet(value, Math::max);
        if (instance.get() == null) {
            Object fresh = new Object();
            if (instance.compareAndSet(null, fresh)) {
                created.incrementAndGet();
            }
        }
    }
}
