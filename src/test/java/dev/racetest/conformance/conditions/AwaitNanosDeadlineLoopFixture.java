package dev.racetest.conformance.conditions;

import dev.racetest.RaceTest;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Must pass: the {@code awaitNanos} loop from {@code Condition}'s Javadoc, waiting up to an hour of
 * virtual time, answers truthfully whether the flag was set: {@code true} exactly when it was, however
 * the timeout and the setter interleave, and it gives up only once the clock says the hour has passed.
 * The execution timeout of five seconds shows the hour is not waited in real time.
 */
public class AwaitNanosDeadlineLoopFixture {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean ready;

    @RaceTest(executions = 10_000, timeBudget = "5m", executionTimeout = "5s")
    void answerMatchesTheFlag() throws InterruptedException {
        Thread setter = new Thread(() -> {
            lock.lock();
            try {
                ready = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }, "setter");
        setter.start();
        lock.lock();
        try {
            long start = System.nanoTime();
            boolean answer = awaitReady(TimeUnit.HOURS.toNanos(1));
            if (answer != ready) {
                throw new AssertionError("answered " + answer + " while ready was " + ready);
            }
            if (!answer && System.nanoTime() - start < TimeUnit.HOURS.toNanos(1)) {
                throw new AssertionError("gave up before the hour had passed on the clock");
            }
        } finally {
            lock.unlock();
        }
        setter.join();
    }

    private boolean awaitReady(long nanos) throws InterruptedException {
        while (!ready) {
            if (nanos <= 0L) {
                return false;
            }
            nanos = changed.awaitNanos(nanos);
        }
        return true;
    }
}
