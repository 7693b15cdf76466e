package dev.racetest.substitutes;

/**
 * When a {@link ControlledCondition} wait gives up: never, a span after it began on
 * {@code System.nanoTime()}, or at an instant of {@code System.currentTimeMillis()}.
 *
 * <p>Plain Java, instrumented like user code, so under racetest both clocks are the virtual ones. A
 * deadline on {@code System.nanoTime()} is compared by difference, as the JDK's are, so that one a
 * {@code Long.MAX_VALUE} nanoseconds ahead stays correct when the sum wraps around.
 */
final class WaitDeadline {

    private static final int NEVER = 0;
    private static final int NANO_TIME = 1;
    private static final int WALL_CLOCK = 2;

    private static final WaitDeadline NONE = new WaitDeadline(NEVER, 0);

    private final int clock;
    /** A {@code System.nanoTime()} reading, or epoch milliseconds, depending on {@link #clock}. */
    private final long deadline;

    private WaitDeadline(int clock, long deadline) {
        this.clock = clock;
        this.deadline = deadline;
    }

    /** The deadline of an untimed wait. */
    static WaitDeadline never() {
        return NONE;
    }

    /** The deadline {@code nanos} from now; a non-positive span has passed already. */
    static WaitDeadline afterNanos(long nanos) {
        return new WaitDeadline(NANO_TIME, System.nanoTime() + Math.max(nanos, 0));
    }

    /** The deadline at {@code epochMillis} on the wall clock. */
    static WaitDeadline atMillis(long epochMillis) {
        return new WaitDeadline(WALL_CLOCK, epochMillis);
    }

    boolean isTimed() {
        return clock != NEVER;
    }

    /** Return the nanoseconds left, {@code <= 0} once the deadline has passed; {@code Long.MAX_VALUE} for never. */
    long remainingNanos() {
        if (clock == NANO_TIME) {
            return deadline - System.nanoTime();
        }
        if (clock == WALL_CLOCK) {
            long now = System.currentTimeMillis();
            return deadline <= now ? 0 : millisToNanos(deadline - now); // compared first: no overflow
        }
        return Long.MAX_VALUE;
    }

    /** Convert a positive span, saturating instead of overflowing. */
    private static long millisToNanos(long millis) {
        return millis > Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE : millis * 1_000_000;
    }
}
