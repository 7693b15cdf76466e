package dev.racetest.conformance.queues;

import java.time.Duration;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/** A named task for a {@code DelayQueue}, due a given delay after it was made, on {@code System.nanoTime()}. */
final class DelayedTask implements Delayed {

    final String name;
    private final long dueNanos;

    DelayedTask(String name, Duration delay) {
        this.name = name;
        this.dueNanos = System.nanoTime() + delay.toNanos();
    }

    @Override
    public long getDelay(TimeUnit unit) {
        return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
        return Long.compare(dueNanos, ((DelayedTask) other).dueNanos);
    }
}
