package dev.racetest.examples.counter;

/**
 * Counts page hits. Not thread-safe: {@code hits++} is a read followed by a write, and two threads
 * can both read the same value, so one hit is lost.
 */
public final class HitCounter {

    private int hits;

    public void hit() {
        hits++;
    }

    public int hits() {
        return hits;
    }
}
