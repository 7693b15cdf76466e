package dev.racetest.conformance.threads;

import dev.racetest.RaceTest;

/**
 * Must pass: a {@code ThreadLocal.withInitial} counter gives each thread its own count, so plain
 * increments need no lock; a thread sees its own value only.
 */
public class ThreadLocalPerThreadFixture {

    private final ThreadLocal<int[]> count = ThreadLocal.withInitial(() -> new int[1]);

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void eachThreadCountsAlone() throws InterruptedException {
        int[] finals = new int[2];
        Thread first = new Thread(() -> finals[0] = countTo(2), "first");
        Thread second = new Thread(() -> finals[1] = countTo(3), "second");
        first.start();
        second.start();
        int mine = countTo(1);
        first.join();
        second.join();
        if (finals[0] != 2 || finals[1] != 3 || mine != 1 || count.get()[0] != 1) {
            throw new AssertionError("counts " + finals[0] + ", " + finals[1] + ", " + mine);
        }
    }

    private int countTo(int times) {
        for (int i = 0; i < times; i++) {
            count.get()[0]++;
        }
        return count.get()[0];
    }
}
