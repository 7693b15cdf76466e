package dev.racetest.conformance.collections;

import dev.racetest.RaceTest;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Must fail: a listener is registered with {@code contains} then {@code add} on a
 * {@code CopyOnWriteArrayList}; two threads registering it at once can both add it, so it would be
 * called twice per event.
 */
public class ContainsThenAddListenerFixture {

    private final CopyOnWriteArrayList<String> listeners = new CopyOnWriteArrayList<>();

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void listenerRegisteredOnce() throws InterruptedException {
        Thread first = new Thread(() -> register("audit"), "first");
        Thread second = new Thread(() -> register("audit"), "second");
        first.start();
        second.start();
        first.join();
        second.join();
        if (listeners.size() != 1) {
            throw new AssertionError("listeners " + listeners); // @assert
        }
    }

    private void register(String listener) {
        if (!listeners.contains(listener)) {
            listeners.add(listener);
        }
    }
}
