package dev.racetest.scheduler.runtime;

/**
 * The clock of one execution: what {@code System.nanoTime()}, {@code currentTimeMillis()} and every
 * timed wait of instrumented code see.
 *
 * <p>Virtual time moves in two ways only: a little with every scheduling step, so a loop that polls
 * the clock always sees it move, and in a jump to a waiting thread's deadline when the strategy lets
 * that timeout expire. It never depends on the real clock, so a test whose threads sleep an hour runs
 * in microseconds and every execution is a function of its schedule. Confined to the carrier.
 */
final class VirtualTime {

    /** A deadline that never comes: the thread waits untimed. */
    static final long NO_DEADLINE = Long.MAX_VALUE;

    /** Each scheduling step takes this long on the virtual clock. */
    static final long STEP_NANOS = 1_000;

    /** Where {@code System.nanoTime()} starts in every execution: arbitrary, positive, the same everywhere. */
    private static final long NANO_ORIGIN = 1_000_000_000_000L;

    /** The virtual wall clock starts at 2026-01-01T00:00:00Z in every execution. */
    private static final long EPOCH_MILLIS = 1_767_225_600_000L;

    private long now;

    /** Returns the nanoseconds since the execution started. */
    long now() {
        return now;
    }

    void step() {
        now += STEP_NANOS;
    }

    /** Returns the deadline of a wait of {@code timeoutNanos} starting now, saturating at {@link #NO_DEADLINE} - 1. */
    long deadlineAfter(long timeoutNanos) {
        long deadline = now + Math.max(0, timeoutNanos);
        return deadline < now || deadline >= NO_DEADLINE ? NO_DEADLINE - 1 : deadline;
    }

    /** Moves the clock forward to {@code deadline}; never backward. */
    void advanceTo(long deadline) {
        if (deadline > now && deadline != NO_DEADLINE) {
            now = deadline;
        }
    }

    long nanoTime() {
        return NANO_ORIGIN + now;
    }

    long currentTimeMillis() {
        return EPOCH_MILLIS + now / 1_000_000;
    }
}
