package dev.racetest.conformance.collections;

import dev.racetest.RaceTest;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Must fail: every call on a {@code Collections.synchronizedMap} is atomic, but {@code containsKey} then
 * {@code put} is two calls, and another thread can slip in between: both threads register the user.
 * Nothing but the two calls separates the check from the act, so only a scheduling point before each
 * call of the synchronized wrapper can find it.
 */
public class SynchronizedMapCheckThenPutFixture {

    private final Map<String, String> owners = Collections.synchronizedMap(new HashMap<>());
    private final AtomicInteger registered = new AtomicInteger();

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void oneOwnerPerUser() throws InterruptedException {
        Thread first = new Thread(() -> register("ada"), "first");
        Thread second = new Thread(() -> register("ada"), "second");
        first.start();
        second.start();
        first.join();
        second.join();
        if (registered.get() != 1) {
            throw new AssertionError("registered " + registered.get() + " owners for one user"); // @assert
        }
    }

    private void register(String user) {
        if (!owners.containsKey(user)) {
            owners.put(user, Thread.currentThread().getName());
            registered.incrementAndGet();
        }
    }
}
