package dev.racetest.conformance.monitors;

import dev.racetest.RaceTest;

/**
 * Must fail, and only through the choice of which waiter a {@code notify()} wakes: two threads wait
 * on one monitor for different conditions. {@code x-waiter} always joins the wait set first (it starts
 * {@code y-waiter} while holding the monitor), so a first-in-first-out notify always picks the right
 * one; but the JVM may wake any waiter. When the notify meant for {@code x-waiter} wakes
 * {@code y-waiter}, that one waits again, and the next notify can wake the waiter it was not meant
 * for: one of the two then waits forever while the test body joins it.
 */
public class NotifyWakesWrongWaiterFixture {

    private final Object lock = new Object();
    private boolean xReady;
    private boolean yReady;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void bothWaitersWake() throws InterruptedException {
        Thread yWaiter = new Thread(() -> {
            synchronized (lock) {
                while (!yReady) {
                    try {
                        lock.wait(); // @y-waits
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "y-waiter");
        Thread xWaiter = new Thread(() -> {
            synchronized (lock) {
                yWaiter.start(); // y-waiter cannot enter the monitor before this thread waits
                while (!xReady) {
                    try {
                        lock.wait(); // @x-waits
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "x-waiter");
        xWaiter.start();
        synchronized (lock) {
            xReady = true;
            lock.notify();
        }
        synchronized (lock) {
            yReady = true;
            lock.notify();
        }
        xWaiter.join(); // @main-joins-x
        yWaiter.join(); // @main-joins-y
    }
}
