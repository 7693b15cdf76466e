package dev.racetest.conformance.threads;

import dev.racetest.RaceTest;

/**
 * Must pass: a thread is {@code NEW} before {@code start()} and {@code TERMINATED} after
 * {@code join()}; spinning until it is {@code WAITING} or done and then setting a flag under the
 * monitor and notifying is correct because the worker rechecks the flag in a loop.
 */
public class ThreadStatesFixture {

    private final Object lock = new Object();
    private boolean go;

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void statesFollowTheLifecycle() throws InterruptedException {
        Thread worker = new Thread(() -> {
            synchronized (lock) {
                while (!go) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "worker");
        Thread.State before = worker.getState();
        worker.start();
        Thread.State state = worker.getState();
        while (state != Thread.State.WAITING && state != Thread.State.TERMINATED) {
            if (state == Thread.State.NEW) {
                throw new AssertionError("NEW after start()");
            }
            Thread.onSpinWait();
            state = worker.getState();
        }
        synchronized (lock) {
            go = true;
            lock.notifyAll();
        }
        worker.join();
        if (before != Thread.State.NEW || worker.getState() != Thread.State.TERMINATED) {
            throw new AssertionError("states " + before + " then " + worker.getState());
        }
    }
}
