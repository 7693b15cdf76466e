package dev.racetest.conformance.timers;

import static dev.racetest.conformance.Conformance.assertPassesEveryExecution;
import static dev.racetest.conformance.Conformance.assertReplayReproduces;
import static dev.racetest.conformance.Conformance.failureOf;
import static dev.racetest.conformance.Conformance.sourceLine;
import static dev.racetest.conformance.Conformance.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code java.util.Timer} and {@code TimerTask}. */
@Timeout(180)
class TimersConformanceTests {

    @Test
    void timerTaskAndTestBodyRaceOnAPlainField() {
        String report = failureOf(TimerTaskLostUpdateFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: counted 1 of 2 ticks");
        assertThat(report).contains(sourceLine(TimerTaskLostUpdateFixture.class, "assert"));
        assertReplayReproduces(TimerTaskLostUpdateFixture.class, report);
    }

    @Test
    void timerNeverCancelledLeaksItsThread() {
        String report = failureOf(TimerNeverCancelledFixture.class);
        assertThat(verdict(report)).startsWith("leak: the test body returned but thread T1 Timer-0 never ended (it waits for ");
        assertReplayReproduces(TimerNeverCancelledFixture.class, report);
    }

    @Test
    void timerTasksRunInDueOrderOnVirtualTime() {
        assertPassesEveryExecution(TimerDelaysFixture.class);
    }
}
