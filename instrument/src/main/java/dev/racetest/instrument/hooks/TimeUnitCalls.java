package dev.racetest.instrument.hooks;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Stand in for {@code TimeUnit.sleep}, {@code timedJoin} and {@code timedWait} at call sites in rewritten
 * code: they are {@code Thread.sleep}, {@code Thread.join} and {@code Object.wait} in disguise, which the
 * handler already models on the virtual clock.
 *
 * <p>{@code timedWait} must never reach the JDK from a controlled thread: rewritten code holds its monitors
 * in racetest's model, not for real, so the JDK's {@code wait} would find the monitor not owned. As in the
 * JDK, a timeout {@code <= 0} does nothing at all (not even check the monitor or the interrupt status).
 */
public final class TimeUnitCalls {

    private TimeUnitCalls() {
    }

    public static void sleep(TimeUnit unit, long timeout, int site) throws InterruptedException {
        Objects.requireNonNull(unit, "unit");
        if (timeout > 0) {
            Hooks.handler(site).threadSleep(unit.toNanos(timeout), site);
        }
    }

    public static void timedJoin(TimeUnit unit, Thread thread, long timeout, int site) throws InterruptedException {
        Objects.requireNonNull(unit, "unit");
        if (timeout > 0) {
            Hooks.handler(site).threadJoin(Objects.requireNonNull(thread, "thread"), unit.toNanos(timeout), site);
        }
    }

    public static void timedWait(TimeUnit unit, Object monitor, long timeout, int site) throws InterruptedException {
        Objects.requireNonNull(unit, "unit");
        if (timeout > 0) {
            Hooks.handler(site).objectWait(Objects.requireNonNull(monitor, "monitor"), unit.toNanos(timeout), site);
        }
    }
}
