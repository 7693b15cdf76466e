package dev.racetest.conformance.threads;

import dev.racetest.RaceTest;

import java.util.concurrent.CountDownLatch;

/**
 * Must fail as a deadlock: the test body spins until the worker's {@code getState()} is
 * {@code WAITING}, taking that to mean it waits on the monitor, and notifies once. But the worker is
 * also {@code WAITING} while it waits for the start signal on a latch; a notify sent then is lost, and
 * the worker's bare {@code wait()} never returns.
 */
public class WaitingStateIsNotOurWaitFixture {

    private final Object lock = new Object();

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void workerIsWokenUp() throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                go.await();
                synchronized (lock) {
                    lock.wait(); // @wait
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "worker");
        Thread starter = new Thread(go::countDown, "starter");
        worker.start();
        starter.start();
        Thread.State state = worker.getState();
        while (state != Thread.State.WAITING && state != Thread.State.TERMINATED) {
            Thread.onSpinWait();
            state = worker.getState();
        }
        synchronized (lock) {
            lock.notify();
        }
        starter.join();
        worker.join(); // @join
    }
}
