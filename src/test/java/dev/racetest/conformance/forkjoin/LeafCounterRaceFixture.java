package dev.racetest.conformance.forkjoin;

import dev.racetest.RaceTest;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Must fail: the forked subtasks of a {@code RecursiveAction} on the common pool count the leaves
 * they visit in one plain field; {@code invokeAll} joins them, but their increments race.
 */
public class LeafCounterRaceFixture {

    private int leaves;

    final class Visit extends RecursiveAction {
        private final int depth;

        Visit(int depth) {
            this.depth = depth;
        }

        @Override
        protected void compute() {
            if (depth == 0) {
                leaves++;
                return;
            }
            invokeAll(new Visit(depth - 1), new Visit(depth - 1));
        }
    }

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void everyLeafCounts() {
        ForkJoinPool.commonPool().invoke(new Visit(2));
        if (leaves != 4) {
            throw new AssertionError("counted " + leaves + " of 4 leaves"); // @assert
        }
    }
}
