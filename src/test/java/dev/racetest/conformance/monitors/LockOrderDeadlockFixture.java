package dev.racetest.conformance.monitors;

import dev.racetest.RaceTest;

/** Must fail: two threads take the same two monitors in opposite orders and deadlock. */
public class LockOrderDeadlockFixture {

    private final Object left = new Object();
    private final Object right = new Object();
    private int moves;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void bothMovesFinish() throws InterruptedException {
        Thread leftFirst = new Thread(() -> {
            synchronized (left) {
                synchronized (right) { // @left-waits
                    moves++;
                }
            }
        }, "left-first");
        Thread rightFirst = new Thread(() -> {
            synchronized (right) {
                synchronized (left) { // @right-waits
                    moves++;
                }
            }
        }, "right-first");
        leftFirst.start();
        rightFirst.start();
        leftFirst.join();
        rightFirst.join();
    }
}
