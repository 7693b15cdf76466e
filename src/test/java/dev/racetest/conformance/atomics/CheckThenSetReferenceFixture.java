package dev.racetest.conformance.atomics;

import dev.racetest.RaceTest;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Must fail: lazy initialisation through an {@code AtomicReference} with {@code get() == null} then
 * {@code set(...)} instead of {@code compareAndSet}: both threads can create the instance.
 */
public class CheckThenSetReferenceFixture {

    private final AtomicReference<Object> instance = new AtomicReference<>();
    private final AtomicInteger created = new AtomicInteger();

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void createdOnce() throws InterruptedException {
        Thread first = new Thread(this::get, "first");
        Thread second = new Thread(this::get, "second");
        first.start();
        second.start();
        first.join();
        second.join();
        if (created.get() != 1) {
            throw new AssertionError("created " + created.get() + " instances"); // @assert
        }
    }

    private Object get() {
        if (instance.get() == null) {
            created.incrementAndGet();
            instance.set(new Object());
        }
        return instance.get();
    }
}
