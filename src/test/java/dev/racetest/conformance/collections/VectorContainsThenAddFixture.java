package dev.racetest.conformance.collections;

import dev.racetest.RaceTest;

import java.util.Vector;

/**
 * Must fail: {@code Vector} is synchronized call by call, so {@code contains} then {@code add} from two
 * threads can add the same user twice.
 */
public class VectorContainsThenAddFixture {

    private final Vector<String> users = new Vector<>();

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void eachUserOnce() throws InterruptedException {
        Thread first = new Thread(() -> add("ada"), "first");
        Thread second = new Thread(() -> add("ada"), "second");
        first.start();
        second.start();
        first.join();
        second.join();
        if (users.size() != 1) {
            throw new AssertionError("listed " + users + " for one user"); // @assert
        }
    }

    private void add(String user) {
        if (!users.contains(user)) {
            users.add(user);
        }
    }
}
