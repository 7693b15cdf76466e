package dev.racetest.conformance.collections;

import dev.racetest.RaceTest;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Must pass: {@code merge} counts hits, {@code computeIfAbsent} creates a session once (its function
 * runs at most once per key), and {@code compute} and {@code computeIfPresent} update atomically, from
 * two threads at once.
 */
public class MergeAndComputeFixture {

    private final ConcurrentHashMap<String, Integer> hits = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void updatesAreAtomic() throws InterruptedException {
        Thread first = new Thread(this::visit, "first");
        Thread second = new Thread(this::visit, "second");
        first.start();
        second.start();
        first.join();
        second.join();
        if (hits.get("/home") != 2 || hits.get("/about") != 20 || hits.get("/gone") != null || created.get() != 1) {
            throw new AssertionError("hits " + hits + ", created " + created.get() + " sessions");
        }
    }

    private void visit() {
        hits.merge("/home", 1, Integer::sum);
        hits.compute("/about", (page, count) -> count == null ? 10 : count + 10);
        hits.computeIfPresent("/gone", (page, count) -> count + 1);
        sessions.computeIfAbsent("ada", user -> {
            created.incrementAndGet();
            return new Object();
        });
    }
}
