package dev.racetest.conformance.conditions;

import dev.racetest.RaceTest;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Must fail: two threads wait on one {@code Condition} for different stages and the test body uses
 * {@code signal()} instead of {@code signalAll()}. When the signal for stage 1 wakes the stage-2 waiter,
 * it waits again, and the signal for stage 2 wakes only one of the two: if the stage-1 waiter, the
 * stage-2 waiter waits forever; if the stage-2 waiter again, the stage-1 waiter does.
 */
public class SignalWakesWrongWaiterFixture {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stageChanged = lock.newCondition();
    private int stage;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void bothStagesAreSeen() throws InterruptedException {
        Thread stageOne = new Thread(() -> awaitStage(1), "stage-1");
        Thread stageTwo = new Thread(() -> awaitStage(2), "stage-2");
        stageOne.start();
        stageTwo.start();
        advanceTo(1);
        advanceTo(2);
        stageOne.join(); // @main-joins-stage-1
        stageTwo.join(); // @main-joins
    }

    private void advanceTo(int next) {
        lock.lock();
        try {
            stage = next;
            stageChanged.signal();
        } finally {
            lock.unlock();
        }
    }

    private void awaitStage(int wanted) {
        lock.lock();
        try {
            while (stage < wanted) {
                stageChanged.await(); // @await
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
