package dev.racetest.conformance.monitors;

import dev.racetest.RaceTest;

/**
 * Must fail, and only through a spurious wake-up: the waiter checks its condition with {@code if}
 * instead of {@code while}, so when {@code wait()} returns without a notify (which the JVM allows)
 * it goes on as if the value were ready. Every notify-driven interleaving is correct.
 */
public class IfInsteadOfWhileWaitFixture {

    private final Object lock = new Object();
    private boolean ready;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void waiterSeesTheValue() throws InterruptedException {
        Thread publisher = new Thread(() -> {
            synchronized (lock) {
                ready = true;
                lock.notifyAll();
            }
        }, "publisher");
        publisher.start();
        synchronized (lock) {
            if (!ready) {
                lock.wait();
            }
            if (!ready) {
                throw new AssertionError("woke up before the value was published"); // @assert
            }
        }
        publisher.join();
    }
}
