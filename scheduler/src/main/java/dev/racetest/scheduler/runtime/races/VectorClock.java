package dev.racetest.scheduler.runtime.races;

import java.util.Arrays;

/**
 * A vector clock: for each thread (by its number in the execution), the last of its clock ticks known
 * to happen-before the holder. Held by every thread, monitor, volatile variable, atomic object and
 * by the one clock standing for the JDK's internal synchronisation. Grows with the thread numbers it
 * meets; never shrinks. Confined to the execution's carrier.
 */
public final class VectorClock {

    private int[] ticks;

    public VectorClock() {
        ticks = new int[4];
    }

    private VectorClock(int[] ticks) {
        this.ticks = ticks;
    }

    public int get(int thread) {
        return thread < ticks.length ? ticks[thread] : 0;
    }

    public void set(int thread, int tick) {
        ensure(thread);
        ticks[thread] = tick;
    }

    /** Moves {@code thread}'s own clock on: what it does next is not ordered by its earlier releases. */
    public void tick(int thread) {
        ensure(thread);
        ticks[thread]++;
    }

    /** Takes in everything {@code other} knows: the acquire half of every happens-before edge. */
    public void join(VectorClock other) {
        int[] theirs = other.ticks;
        if (theirs.length > ticks.length) {
            ticks = Arrays.copyOf(ticks, theirs.length);
        }
        int[] mine = ticks;
        for (int i = 0; i < theirs.length; i++) {
            if (theirs[i] > mine[i]) {
                mine[i] = theirs[i];
            }
        }
    }

    public VectorClock copy() {
        return new VectorClock(ticks.clone());
    }

    private void ensure(int thread) {
        if (thread >= ticks.length) {
            ticks = Arrays.copyOf(ticks, Math.max(thread + 1, ticks.length * 2));
        }
    }

    @Override
    public String toString() {
        return Arrays.toString(ticks);
    }
}
