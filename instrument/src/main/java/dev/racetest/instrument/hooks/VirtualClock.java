package dev.racetest.instrument.hooks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The system clock as rewritten code sees it: each read asks the calling thread's handler, so a
 * controlled thread reads the execution's virtual wall clock and any other thread the real one.
 *
 * <p>Deciding at every read rather than when the clock is made matters because clocks are long-lived
 * values: a clock built in a static initialiser on an uncontrolled thread and read later by a test
 * thread must tell virtual time. Immutable and thread-safe, like the JDK's system clock. Two virtual
 * clocks are equal when their zones are.
 */
final class VirtualClock extends Clock {

    static final VirtualClock UTC = new VirtualClock(ZoneOffset.UTC);

    private final ZoneId zone;

    VirtualClock(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new VirtualClock(zone);
    }

    @Override
    public long millis() {
        SyncPointHandler handler = Hooks.boundHandler();
        return handler != null ? handler.currentTimeMillis() : System.currentTimeMillis();
    }

    @Override
    public Instant instant() {
        SyncPointHandler handler = Hooks.boundHandler();
        return handler != null ? Instant.ofEpochMilli(handler.currentTimeMillis()) : Instant.now();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VirtualClock clock && zone.equals(clock.zone);
    }

    @Override
    public int hashCode() {
        // Distinct from the JDK's system clock of the same zone (zone.hashCode() + 1).
        return zone.hashCode() + 7;
    }

    @Override
    public String toString() {
        return "VirtualClock[" + zone + "]";
    }
}
