package dev.racetest.conformance.monitors;

import dev.racetest.RaceTest;

/**
 * Must pass: the correct twin of {@link NotifyWakesWrongWaiterFixture}. With {@code notifyAll} every
 * waiter rechecks its own condition, so whichever order the JVM wakes them in, both finish.
 */
public class NotifyAllTwoConditionsFixture {

    private final Object lock = new Object();
    private boolean xReady;
    private boolean yReady;

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void bothWaitersWake() throws InterruptedException {
        Thread yWaiter = new Thread(() -> awaitFlag(true), "y-waiter");
        Thread xWaiter = new Thread(() -> {
            synchronized (lock) {
                yWaiter.start();
            }
            awaitFlag(false);
        }, "x-waiter");
        xWaiter.start();
        synchronized (lock) {
            xReady = true;
            lock.notifyAll();
        }
        synchronized (lock) {
            yReady = true;
            lock.notifyAll();
        }
        xWaiter.join();
        yWaiter.join();
    }

    private void awaitFlag(boolean y) {
        synchronized (lock) {
            while (y ? !yReady : !xReady) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
