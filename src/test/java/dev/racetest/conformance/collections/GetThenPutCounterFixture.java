package dev.racetest.conformance.collections;

import dev.racetest.RaceTest;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Must fail: a hit counter on a {@code ConcurrentHashMap} written as {@code get} then {@code put}:
 * each call is atomic, the pair is not, so two hits can read the same count and one is lost.
 */
public class GetThenPutCounterFixture {

    private final ConcurrentHashMap<String, Integer> hits = new ConcurrentHashMap<>();

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void everyHitCounts() throws InterruptedException {
        Thread first = new Thread(() -> hit("/home"), "first");
        Thread second = new Thread(() -> hit("/home"), "second");
        first.start();
        second.start();
        first.join();
        second.join();
        if (hits.get("/home") != 2) {
            throw new AssertionError("counted " + hits.get("/home") + " of 2 hits"); // @assert
        }
    }

    private void hit(String page) {
        Integer count = hits.get(page);
        hits.put(page, count == null ? 1 : count + 1);
    }
}
