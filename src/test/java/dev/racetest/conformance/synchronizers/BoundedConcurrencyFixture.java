package dev.racetest.conformance.synchronizers;

import dev.racetest.RaceTest;

import java.util.concurrent.Semaphore;

/** Must pass: a two-permit semaphore keeps at most two of three threads inside a section at once. */
public class BoundedConcurrencyFixture {

    private final Semaphore permits = new Semaphore(2);
    private final Object stats = new Object();
    private int inside;
    private int mostInside;

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void neverMoreThanTwoInside() throws InterruptedException {
        Thread first = new Thread(this::useResource, "first");
        Thread second = new Thread(this::useResource, "second");
        first.start();
        second.start();
        useResource();
        first.join();
        second.join();
        synchronized (stats) {
            if (mostInside > 2 || inside != 0 || permits.availablePermits() != 2) {
                throw new AssertionError(mostInside + " inside at once, " + permits.availablePermits() + " permits left");
            }
        }
    }

    private void useResource() {
        permits.acquireUninterruptibly();
        try {
            synchronized (stats) {
                inside++;
                mostInside = Math.max(mostInside, inside);
            }
            synchronized (stats) {
                inside--;
            }
        } finally {
            permits.release();
        }
    }
}
