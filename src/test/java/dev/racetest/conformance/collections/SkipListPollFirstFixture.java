package dev.racetest.conformance.collections;

import dev.racetest.RaceTest;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Must pass: two consumers take entries of a {@code ConcurrentSkipListMap} with {@code pollFirstEntry}
 * (each entry goes to exactly one), while a producer adds to a {@code ConcurrentSkipListSet} that ends
 * up sorted.
 */
public class SkipListPollFirstFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void everyEntryGoesToOneConsumer() throws InterruptedException {
        ConcurrentSkipListMap<Integer, String> byTime = new ConcurrentSkipListMap<>(Map.of(1, "a", 2, "b"));
        ConcurrentSkipListSet<Integer> seen = new ConcurrentSkipListSet<>();
        String[] taken = new String[1];
        Thread other = new Thread(() -> {
            Map.Entry<Integer, String> entry = byTime.pollFirstEntry();
            taken[0] = entry == null ? null : entry.getValue();
            seen.add(20);
            seen.add(10);
        }, "other-consumer");
        other.start();
        Map.Entry<Integer, String> mine = byTime.pollFirstEntry();
        seen.add(30);
        other.join();
        if (mine == null || taken[0] == null || mine.getValue().equals(taken[0]) || !byTime.isEmpty()
                || !seen.toString().equals("[10, 20, 30]")) {
            throw new AssertionError("took " + mine + " and " + taken[0] + ", seen " + seen);
        }
    }
}
