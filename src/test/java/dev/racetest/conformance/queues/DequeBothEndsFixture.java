package dev.racetest.conformance.queues;

import dev.racetest.RaceTest;

import java.util.concurrent.LinkedBlockingDeque;

/**
 * Must pass: the owner pops its tasks from the tail of a {@code LinkedBlockingDeque} while a thief
 * steals from the head; every task runs exactly once.
 */
public class DequeBothEndsFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void everyTaskRunsOnce() throws InterruptedException {
        LinkedBlockingDeque<Integer> deque = new LinkedBlockingDeque<>();
        int[] ran = new int[4];
        deque.putLast(1);
        deque.putLast(2);
        deque.putLast(3);
        Thread thief = new Thread(() -> {
            Integer task = deque.pollFirst();
            if (task != null) {
                ran[task]++;
            }
        }, "thief");
        thief.start();
        for (Integer task = deque.pollLast(); task != null; task = deque.pollLast()) {
            ran[task]++;
        }
        thief.join();
        if (ran[1] + ran[2] + ran[3] != 3 || ran[1] > 1 || ran[2] > 1 || ran[3] > 1) {
            throw new AssertionError("runs " + ran[1] + ", " + ran[2] + ", " + ran[3]);
        }
    }
}
