package dev.racetest.conformance.varhandles;

import dev.racetest.RaceTest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Must fail: an increment through a {@code VarHandle} that reads with {@code getVolatile} and writes
 * with one {@code compareAndSet} whose {@code false} result is ignored; when the other thread got in
 * between, the increment is silently dropped.
 */
public class CompareAndSetWithoutRetryFixture {

    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(CompareAndSetWithoutRetryFixture.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int count;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void everyIncrementCounts() throws InterruptedException {
        Thread first = new Thread(this::increment, "first");
        Thread second = new Thread(this::increment, "second");
        first.start();
        second.start();
        first.join();
        second.join();
        if (count != 2) {
            throw new AssertionError("counted " + count + " of 2 increments"); // @assert
        }
    }

    private void increment() {
        int current = (int) COUNT.getVolatile(this);
        COUNT.compareAndSet(this, current, current + 1); // the bug: no retry when it returns false
    }
}
