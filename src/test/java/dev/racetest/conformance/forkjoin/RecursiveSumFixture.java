package dev.racetest.conformance.forkjoin;

import dev.racetest.RaceTest;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * Must pass: a {@code RecursiveTask} sum over the common pool, forking the left half, computing the
 * right half itself and joining the left, is exact under any interleaving of the forked tasks.
 */
public class RecursiveSumFixture {

    static final class Sum extends RecursiveTask<Long> {
        private final int from;
        private final int to;

        Sum(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        protected Long compute() {
            if (to - from <= 2) {
                long sum = 0;
                for (int i = from; i < to; i++) {
                    sum += i;
                }
                return sum;
            }
            int middle = (from + to) >>> 1;
            Sum left = new Sum(from, middle);
            left.fork();
            long right = new Sum(middle, to).compute();
            return right + left.join();
        }
    }

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void sumIsExact() {
        long sum = ForkJoinPool.commonPool().invoke(new Sum(1, 9));
        if (sum != 36) {
            throw new AssertionError("sum " + sum);
        }
    }
}
