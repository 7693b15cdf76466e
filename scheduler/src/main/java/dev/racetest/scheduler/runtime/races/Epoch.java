package dev.racetest.scheduler.runtime.races;

/**
 * FastTrack's epoch {@code c@t}: the clock {@code c} of thread {@code t}, packed in a {@code long} so
 * that the shadow state of a variable holds its last write and (usually) last read without allocating.
 * {@link #NONE} (clock 0) happens-before everything, since every thread's own clock starts at 1.
 */
final class Epoch {

    static final long NONE = 0;

    private Epoch() {
    }

    static long of(int thread, int clock) {
        return ((long) clock << 32) | (thread & 0xFFFF_FFFFL);
    }

    static int thread(long epoch) {
        return (int) epoch;
    }

    static int clock(long epoch) {
        return (int) (epoch >>> 32);
    }

    /** Returns whether {@code epoch} happens-before the point in time {@code clock} stands for. */
    static boolean happensBefore(long epoch, VectorClock clock) {
        return clock(epoch) <= clock.get(thread(epoch));
    }
}
