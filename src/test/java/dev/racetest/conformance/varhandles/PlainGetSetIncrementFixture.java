package dev.racetest.conformance.varhandles;

import dev.racetest.RaceTest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Must fail: an increment written with a {@code VarHandle}'s acquire read and release write
 * ({@code getAcquire} then {@code setRelease}): ordering modes do not make the read-modify-write
 * atomic, so an increment can be lost.
 */
public class PlainGetSetIncrementFixture {

    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(PlainGetSetIncrementFixture.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private int count;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void everyIncrementCounts() throws InterruptedException {
        Thread first = new Thread(this::increment, "first");
        Thread second = new Thread(this::increment, "second");
        first.start();
        second.start();
        first.join();
        second.join();
        int total = (int) COUNT.getVolatile(this);
        if (total != 2) {
            throw new AssertionError("counted " + total + " of 2 increments"); // @assert
        }
    }

    private void increment() {
        int current = (int) COUNT.getAcquire(this);
        COUNT.setRelease(this, current + 1);
    }
}
