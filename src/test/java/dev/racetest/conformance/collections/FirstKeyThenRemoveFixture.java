package dev.racetest.conformance.collections;

import dev.racetest.RaceTest;

import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Must fail: the test body takes the earliest entry of a {@code ConcurrentSkipListMap} with
 * {@code firstKey()} and then {@code remove(key)}; another consumer can take that entry in between,
 * and {@code remove} returns {@code null}.
 */
public class FirstKeyThenRemoveFixture {

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void earliestEntryIsTaken() throws InterruptedException {
        ConcurrentSkipListMap<Integer, String> byTime = new ConcurrentSkipListMap<>();
        byTime.put(1, "first");
        byTime.put(2, "second");
        Thread other = new Thread(byTime::pollFirstEntry, "other-consumer");
        other.start();
        Integer earliest = byTime.firstKey();
        String taken = byTime.remove(earliest);
        if (taken == null) {
            throw new AssertionError("entry " + earliest + " was taken between firstKey and remove"); // @assert
        }
        other.join();
    }
}
