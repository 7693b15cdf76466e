package dev.racetest.conformance.collections;

import dev.racetest.RaceTest;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Vector;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Must pass: the check-then-act of {@link SynchronizedMapCheckThenPutFixture} made atomic as the
 * {@code Collections.synchronizedMap} javadoc says, by holding the map's own monitor across both calls;
 * and a {@code Vector} whose {@code contains}-then-{@code add} is guarded by the vector itself.
 */
public class SynchronizedMapGuardedFixture {

    private final Map<String, String> owners = Collections.synchronizedMap(new HashMap<>());
    private final Vector<String> users = new Vector<>();
    private final AtomicInteger registered = new AtomicInteger();

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void oneOwnerPerUser() throws InterruptedException {
        Thread first = new Thread(() -> register("ada"), "first");
        Thread second = new Thread(() -> register("ada"), "second");
        first.start();
        second.start();
        first.join();
        second.join();
        if (registered.get() != 1 || users.size() != 1) {
            throw new AssertionError("registered " + registered.get() + " owners and " + users.size() + " users");
        }
    }

    private void register(String user) {
        synchronized (owners) {
            if (!owners.containsKey(user)) {
                owners.put(user, Thread.currentThread().getName());
                registered.incrementAndGet();
            }
        }
        synchronized (users) {
            if (!users.contains(user)) {
                users.add(user);
            }
        }
    }
}
