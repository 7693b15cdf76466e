package dev.racetest.examples.counter;

import java.util.concurrent.atomic.AtomicInteger;

/** The correct twin of {@link HitCounter}: the increment is one atomic step. */
public final class AtomicHitCounter {

    private final AtomicInteger hits = new AtomicInteger();

    public void hit() {
        hits.incrementAndGet();
    }

    public int hits() {
        return hits.get();
    }
}
