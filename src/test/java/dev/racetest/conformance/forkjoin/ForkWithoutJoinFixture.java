package dev.racetest.conformance.forkjoin;

import dev.racetest.RaceTest;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Must fail: a {@code RecursiveAction} forks its two halves and returns without joining them, so
 * {@code invoke} on the common pool can return while the halves are still filling the array.
 */
public class ForkWithoutJoinFixture {

    static final class Fill extends RecursiveAction {
        private final int[] slots;
        private final int from;
        private final int to;

        Fill(int[] slots, int from, int to) {
            this.slots = slots;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from == 1) {
                slots[from] = 1;
                return;
            }
            int middle = (from + to) >>> 1;
            new Fill(slots, from, middle).fork();
            new Fill(slots, middle, to).fork(); // the bug: neither half is joined
        }
    }

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void everySlotIsFilled() {
        int[] slots = new int[2];
        ForkJoinPool.commonPool().invoke(new Fill(slots, 0, 2));
        int filled = slots[0] + slots[1];
        if (filled != 2) {
            throw new AssertionError("filled " + filled + " of 2 slots after invoke"); // @assert
        }
    }
}
