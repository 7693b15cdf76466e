package dev.racetest.conformance.collections;

import dev.racetest.RaceTest;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Must fail: a session is created when {@code containsKey} says there is none; two threads can both
 * see none and both create one, and the first is overwritten.
 */
public class ContainsThenPutCreatesTwiceFixture {

    private final ConcurrentHashMap<String, Object> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void oneSessionPerUser() throws InterruptedException {
        Thread first = new Thread(() -> session("ada"), "first");
        Thread second = new Thread(() -> session("ada"), "second");
        first.start();
        second.start();
        first.join();
        second.join();
        if (created.get() != 1) {
            throw new AssertionError("created " + created.get() + " sessions for one user"); // @assert
        }
    }

    private void session(String user) {
        if (!sessions.containsKey(user)) {
            created.incrementAndGet();
            sessions.put(user, new Object());
        }
    }
}
