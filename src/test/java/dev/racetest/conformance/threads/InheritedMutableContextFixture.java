package dev.racetest.conformance.threads;

import dev.racetest.RaceTest;

/**
 * Must fail: an {@code InheritableThreadLocal} hands each child thread the parent's value, which is a
 * reference to one mutable counter, not a copy; the children's plain increments of it race.
 */
public class InheritedMutableContextFixture {

    private final InheritableThreadLocal<int[]> requests = new InheritableThreadLocal<>();

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void eachChildCountsItsOwnRequest() throws InterruptedException {
        requests.set(new int[1]);
        Runnable handle = () -> requests.get()[0]++;
        Thread first = new Thread(handle, "first");
        Thread second = new Thread(handle, "second");
        first.start();
        second.start();
        first.join();
        second.join();
        int total = requests.get()[0];
        if (total != 2) {
            throw new AssertionError("the shared context counted " + total + " of 2 requests"); // @assert
        }
    }
}
