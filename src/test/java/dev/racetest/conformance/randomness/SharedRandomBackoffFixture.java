package dev.racetest.conformance.randomness;

import dev.racetest.RaceTest;

import java.util.Random;

/**
 * Must fail: each client picks a random backoff from {@code new Random()} and registers in a slot
 * table indexed by it, checking the slot is free before taking it; two clients that pick the same
 * slot can both see it free. Which slots are picked comes from unseeded generators, so the failure
 * replays only if those are seeded from the schedule.
 */
public class SharedRandomBackoffFixture {

    private final String[] slots = new String[2];

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void everyClientGetsItsOwnSlot() throws InterruptedException {
        Thread first = new Thread(() -> register("first"), "first");
        Thread second = new Thread(() -> register("second"), "second");
        first.start();
        second.start();
        first.join();
        second.join();
        int taken = (slots[0] == null ? 0 : 1) + (slots[1] == null ? 0 : 1);
        if (taken != 2) {
            throw new AssertionError("slots " + slots[0] + ", " + slots[1]); // @assert
        }
    }

    private void register(String client) {
        int slot = new Random().nextInt(slots.length);
        while (true) {
            if (slots[slot] == null) {
                slots[slot] = client;
                return;
            }
            slot = (slot + 1) % slots.length;
        }
    }
}
