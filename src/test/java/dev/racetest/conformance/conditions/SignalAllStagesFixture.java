package dev.racetest.conformance.conditions;

import dev.racetest.RaceTest;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Must pass: the correct twin of {@link SignalWakesWrongWaiterFixture}: with {@code signalAll} every
 * waiter rechecks its own stage, so both finish in any order.
 */
public class SignalAllStagesFixture {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stageChanged = lock.newCondition();
    private int stage;

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void bothStagesAreSeen() throws InterruptedException {
        Thread stageOne = new Thread(() -> awaitStage(1), "stage-1");
        Thread stageTwo = new Thread(() -> awaitStage(2), "stage-2");
        stageOne.start();
        stageTwo.start();
        advanceTo(1);
        advanceTo(2);
        stageOne.join();
        stageTwo.join();
    }

    private void advanceTo(int next) {
        lock.lock();
        try {
            stage = next;
            stageChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void awaitStage(int wanted) {
        lock.lock();
        try {
            while (stage < wanted) {
                stageChanged.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
