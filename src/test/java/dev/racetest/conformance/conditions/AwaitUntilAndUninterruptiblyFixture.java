package dev.racetest.conformance.conditions;

import dev.racetest.RaceTest;

import java.util.Date;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Must pass: {@code awaitUninterruptibly} keeps waiting through an interrupt and returns with the
 * interrupt status still set; {@code awaitUntil} with a deadline an hour ahead on the (virtual) wall
 * clock either sees the signal or reports the deadline passed, and then the clock is past it.
 */
public class AwaitUntilAndUninterruptiblyFixture {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean first;
    private boolean second;

    @RaceTest(executions = 10_000, timeBudget = "5m", executionTimeout = "5s")
    void waitsEndAsDocumented() throws InterruptedException {
        boolean[] interruptKept = new boolean[1];
        Thread uninterruptible = new Thread(() -> {
            lock.lock();
            try {
                while (!first) {
                    changed.awaitUninterruptibly();
                }
                interruptKept[0] = Thread.currentThread().isInterrupted();
            } finally {
                lock.unlock();
            }
        }, "uninterruptible");
        uninterruptible.start();
        uninterruptible.interrupt();
        Thread signaller = new Thread(() -> {
            lock.lock();
            try {
                first = true;
                second = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }, "signaller");
        signaller.start();
        lock.lock();
        try {
            Date deadline = new Date(System.currentTimeMillis() + 3_600_000L);
            boolean beforeDeadline = true;
            while (!second && beforeDeadline) {
                beforeDeadline = changed.awaitUntil(deadline);
            }
            if (!beforeDeadline && System.currentTimeMillis() < deadline.getTime()) {
                throw new AssertionError("awaitUntil said the deadline passed while the clock was before it");
            }
        } finally {
            lock.unlock();
        }
        uninterruptible.join();
        signaller.join();
        if (!interruptKept[0]) {
            throw new AssertionError("awaitUninterruptibly lost the interrupt");
        }
    }
}
