package dev.racetest.conformance.time;

import static dev.racetest.conformance.Conformance.assertPassesEveryExecution;
import static dev.racetest.conformance.Conformance.assertReplayReproduces;
import static dev.racetest.conformance.Conformance.failureOf;
import static dev.racetest.conformance.Conformance.sourceLine;
import static dev.racetest.conformance.Conformance.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Virtual time: {@code Thread.sleep} coordination, timed joins and waits, and the clocks a program
 * reads. Hours of sleep must cost no real time; the programs' five-second execution timeouts catch a
 * real wait.
 */
@Timeout(180)
class TimeConformanceTests {

    @Test
    void sleepUsedAsSynchronisationIsFoundOnVirtualTime() {
        String report = failureOf(SleepInsteadOfJoinFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: config not loaded after sleeping 500 ms");
        assertThat(report).contains(sourceLine(SleepInsteadOfJoinFixture.class, "assert"));
        assertReplayReproduces(SleepInsteadOfJoinFixture.class, report);
    }

    @Test
    void joinTimeoutShorterThanTheWorkExpiresOnVirtualTime() {
        String report = failureOf(JoinTimeoutTooShortFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: no result after join(1000)");
        assertThat(report).contains(sourceLine(JoinTimeoutTooShortFixture.class, "assert"));
        assertReplayReproduces(JoinTimeoutTooShortFixture.class, report);
    }

    @Test
    void clockReadThroughAMethodReferenceIsVirtual() {
        String report = failureOf(ClockReferenceLeaseFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread holder: lease lapsed while its holder slept");
        assertThat(report).contains(sourceLine(ClockReferenceLeaseFixture.class, "assert"));
        assertReplayReproduces(ClockReferenceLeaseFixture.class, report);
    }

    @Test
    void clocksAdvanceWithVirtualSleeps() {
        assertPassesEveryExecution(VirtualClockFixture.class);
    }

    @Test
    void timedWaitDeadlineLoopPasses() {
        assertPassesEveryExecution(TimedWaitLoopFixture.class);
    }

    @Test
    void sleepPollingAVolatileFlagPasses() {
        assertPassesEveryExecution(SleepPollingFixture.class);
    }
}
