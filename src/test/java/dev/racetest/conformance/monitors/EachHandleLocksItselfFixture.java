package dev.racetest.conformance.monitors;

import dev.racetest.RaceTest;

/**
 * Must fail: each thread gets its own handle on a shared counter and the handle synchronises on
 * itself, so the two increments hold different monitors and one update is lost.
 */
public class EachHandleLocksItselfFixture {

    static final class Handle {
        private final int[] shared;

        Handle(int[] shared) {
            this.shared = shared;
        }

        synchronized void increment() {
            shared[0] = shared[0] + 1;
        }
    }

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void bothIncrementsCount() throws InterruptedException {
        int[] count = new int[1];
        Thread first = new Thread(new Handle(count)::increment, "first");
        Thread second = new Thread(new Handle(count)::increment, "second");
        first.start();
        second.start();
        first.join();
        second.join();
        if (count[0] != 2) {
            throw new AssertionError("counted " + count[0] + " of 2 increments"); // @assert
        }
    }
}
