package dev.racetest.conformance.collections;

import dev.racetest.RaceTest;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Must pass: {@code addIfAbsent} and {@code CopyOnWriteArraySet.add} register a listener once however
 * two threads race, and an iterator works on a snapshot that concurrent changes do not disturb.
 */
public class CopyOnWriteSnapshotFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void registeredOnceAndIteratedFromASnapshot() throws InterruptedException {
        CopyOnWriteArrayList<String> listeners = new CopyOnWriteArrayList<>();
        CopyOnWriteArraySet<String> topics = new CopyOnWriteArraySet<>();
        listeners.add("log");
        Thread other = new Thread(() -> {
            listeners.addIfAbsent("audit");
            topics.add("orders");
            listeners.remove("log");
        }, "other");
        other.start();
        listeners.addIfAbsent("audit");
        topics.add("orders");
        int iterated = 0;
        for (Iterator<String> it = listeners.iterator(); it.hasNext(); it.next()) {
            iterated++;
        }
        other.join();
        if (iterated < 1 || iterated > 2 || !listeners.equals(List.of("audit")) || topics.size() != 1) {
            throw new AssertionError("iterated " + iterated + ", listeners " + listeners + ", topics " + topics);
        }
    }
}
