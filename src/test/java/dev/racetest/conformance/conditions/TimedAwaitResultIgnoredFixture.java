package dev.racetest.conformance.conditions;

import dev.racetest.RaceTest;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Must fail, and only through a virtual timeout: the caller waits for a reply with
 * {@code await(1, SECONDS)} but ignores its {@code false} result, while the responder needs two
 * seconds (virtual: the test takes milliseconds), so the caller uses a reply that never came.
 */
public class TimedAwaitResultIgnoredFixture {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition replied = lock.newCondition();
    private String reply;

    @RaceTest(executions = 10_000, timeBudget = "60s", executionTimeout = "5s")
    void callerGetsTheReply() throws InterruptedException {
        Thread responder = new Thread(() -> {
            try {
                Thread.sleep(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                return;
            }
            lock.lock();
            try {
                reply = "pong";
                replied.signalAll();
            } finally {
                lock.unlock();
            }
        }, "responder");
        responder.start();
        lock.lock();
        try {
            if (reply == null) {
                replied.await(1, TimeUnit.SECONDS); // the bug: false (timed out) is ignored
            }
            if (reply == null) {
                throw new AssertionError("used the reply before it came"); // @assert
            }
        } finally {
            lock.unlock();
        }
        responder.join();
    }
}
