package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.fixtures.instrument.TimeFixture;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.JapaneseDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Run {@link TimeFixture} rewritten, with the clocks answered by an {@link AnsweringHandler} and without one. */
class TimeReadRewriterTests {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final AnsweringHandler handler = new AnsweringHandler();
    private final Class<?> fixture = load();

    private static Class<?> load() {
        try {
            return Fixtures.newLoader().loadClass(TimeFixture.class.getName());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void rawClocksReadTheHandler() throws Exception {
        handler.nanoTime = 123_456_789L;
        handler.currentTimeMillis = 987_654_321L;

        long[] clocks = handler.call(() -> (long[]) fixture.getMethod("clocks").invoke(null));

        assertThat(clocks).containsExactly(123_456_789L, 987_654_321L);
    }

    @Test
    void instantsDatesClocksAndCalendarsReadTheVirtualWallClock() throws Exception {
        long millis = handler.currentTimeMillis;
        long[] instants = handler.call(() -> (long[]) fixture.getMethod("instants").invoke(null));

        long second = millis - millis % 1_000;
        long minute = millis - millis % 60_000;
        assertThat(instants).containsExactly(millis, millis, millis, millis, millis, millis, millis, millis, second,
                minute, millis, millis);
    }

    @Test
    void dateTimeNowMethodsUseTheVirtualClockInTheirZone() throws Exception {
        Clock defaultZone = Clock.fixed(Instant.ofEpochMilli(handler.currentTimeMillis), ZoneId.systemDefault());
        Clock tokyo = defaultZone.withZone(TOKYO);

        @SuppressWarnings("unchecked")
        List<Object> dateTimes = handler.call(
                () -> (List<Object>) fixture.getMethod("dateTimes", ZoneId.class).invoke(null, TOKYO));

        assertThat(dateTimes).containsExactly(
                LocalDateTime.now(defaultZone), LocalDateTime.now(tokyo),
                LocalDate.now(defaultZone), LocalDate.now(tokyo),
                LocalTime.now(defaultZone), LocalTime.now(tokyo),
                ZonedDateTime.now(defaultZone), ZonedDateTime.now(tokyo),
                OffsetDateTime.now(defaultZone), OffsetDateTime.now(tokyo),
                OffsetTime.now(defaultZone), OffsetTime.now(tokyo),
                Year.now(defaultZone), Year.now(tokyo),
                YearMonth.now(defaultZone), YearMonth.now(tokyo),
                MonthDay.now(defaultZone), MonthDay.now(tokyo),
                JapaneseDate.now(defaultZone), JapaneseDate.now(tokyo));
    }

    @Test
    void methodReferencesReadTheHandler() throws Exception {
        long[] reads = handler.call(() -> (long[]) fixture.getMethod("references").invoke(null));

        long millis = handler.currentTimeMillis;
        assertThat(reads).containsExactly(handler.nanoTime, millis, millis, millis);
    }

    @Test
    void uncontrolledThreadsReadTheRealClocks() throws Exception {
        long nanosBefore = System.nanoTime();
        long millisBefore = System.currentTimeMillis();
        long[] clocks = (long[]) fixture.getMethod("clocks").invoke(null);
        long[] instants = (long[]) fixture.getMethod("instants").invoke(null);
        long millisAfter = System.currentTimeMillis();
        long nanosAfter = System.nanoTime();

        assertThat(clocks[0]).isBetween(nanosBefore, nanosAfter);
        assertThat(clocks[1]).isBetween(millisBefore, millisAfter);
        // The tick clocks truncate to the second and the minute.
        assertThat(instants).hasSize(12);
        for (long read : instants) {
            assertThat(read).isBetween(millisBefore - 60_000, millisAfter);
        }
        assertThat(instants[0]).isBetween(millisBefore, millisAfter);
        assertThat(instants[1]).isBetween(millisBefore, millisAfter);
        assertThat(instants[10]).isBetween(millisBefore, millisAfter);
    }

    @Test
    void systemClocksDecideAtEachReadAndKeepTheirZones() throws Exception {
        @SuppressWarnings("unchecked")
        List<Clock> clocks = (List<Clock>) fixture.getMethod("systemClocks", ZoneId.class).invoke(null, TOKYO);
        Clock utc = clocks.get(0);

        assertThat(clocks).extracting(Clock::getZone).containsExactly(ZoneOffset.UTC, ZoneId.systemDefault(), TOKYO);
        assertThat(handler.call(utc::millis)).as("made uncontrolled, read controlled").isEqualTo(handler.currentTimeMillis);
        assertThat(handler.call(utc::instant)).isEqualTo(Instant.ofEpochMilli(handler.currentTimeMillis));
        assertThat(utc.millis()).isNotEqualTo(handler.currentTimeMillis);

        assertThat(utc.withZone(TOKYO)).isEqualTo(clocks.get(2)).hasSameHashCodeAs(clocks.get(2));
        assertThat(utc.withZone(ZoneOffset.UTC)).isSameAs(utc);
        assertThat(utc).isNotEqualTo(clocks.get(2)).isNotEqualTo(Clock.systemUTC());
        assertThat(clocks.get(2).withZone(TOKYO).getZone()).isEqualTo(TOKYO);
    }
}
