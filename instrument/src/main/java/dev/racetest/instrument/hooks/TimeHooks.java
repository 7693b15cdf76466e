package dev.racetest.instrument.hooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Calendar;

/**
 * The entry points that replace reads of the system clocks in rewritten code.
 *
 * <p>A controlled thread reads the execution's virtual clocks, so a timeout computed from
 * {@code System.nanoTime()} or a timestamp taken with {@code Instant.now()} is the same in every
 * replay of a schedule; any other thread reads the real clocks. None of these is a scheduling point.
 * The {@code java.time} factories all return a {@link VirtualClock}, which decides at each read.
 */
public final class TimeHooks {

    private TimeHooks() {
    }

    /** Replaces {@code System.nanoTime()}. */
    public static long nanoTime() {
        return Hooks.handler().nanoTime();
    }

    /** Replaces {@code System.currentTimeMillis()}, and supplies the time of {@code new Date()}. */
    public static long currentTimeMillis() {
        return Hooks.handler().currentTimeMillis();
    }

    /** Replaces {@code Instant.now()}. */
    public static Instant instantNow() {
        return VirtualClock.UTC.instant();
    }

    /** Replaces {@code Clock.systemUTC()}. */
    public static Clock systemUTC() {
        return VirtualClock.UTC;
    }

    /**
     * Replaces {@code Clock.systemDefaultZone()}, and supplies the clock of every no-argument
     * {@code now()} of {@code java.time}.
     */
    public static Clock systemDefaultZone() {
        // Read the default zone at each call, as the JDK does: TimeZone.setDefault may change it.
        return new VirtualClock(ZoneId.systemDefault());
    }

    /** Replaces {@code Clock.system(zone)}, and supplies the clock of every {@code now(ZoneId)} of {@code java.time}. */
    public static Clock system(ZoneId zone) {
        return new VirtualClock(zone);
    }

    /** Replaces {@code InstantSource.system()}. */
    public static InstantSource instantSource() {
        return VirtualClock.UTC;
    }

    /** Replaces {@code Clock.tickMillis(zone)}. */
    public static Clock tickMillis(ZoneId zone) {
        return Clock.tick(new VirtualClock(zone), Duration.ofMillis(1));
    }

    /** Replaces {@code Clock.tickSeconds(zone)}. */
    public static Clock tickSeconds(ZoneId zone) {
        return Clock.tick(new VirtualClock(zone), Duration.ofSeconds(1));
    }

    /** Replaces {@code Clock.tickMinutes(zone)}. */
    public static Clock tickMinutes(ZoneId zone) {
        return Clock.tick(new VirtualClock(zone), Duration.ofMinutes(1));
    }

    /**
     * Follows every {@code Calendar.getInstance(...)}: on a controlled thread, sets the fresh calendar
     * to the virtual wall clock; returns it.
     */
    public static Calendar atCurrentTime(Calendar calendar) {
        SyncPointHandler handler = Hooks.boundHandler();
        if (handler != null) {
            calendar.setTimeInMillis(handler.currentTimeMillis());
        }
        return calendar;
    }
}
