package dev.racetest.conformance.conditions;

import static dev.racetest.conformance.Conformance.NO_SPURIOUS_WAKEUPS;
import static dev.racetest.conformance.Conformance.assertPassesEveryExecution;
import static dev.racetest.conformance.Conformance.assertReplayReproduces;
import static dev.racetest.conformance.Conformance.failureOf;
import static dev.racetest.conformance.Conformance.sourceLine;
import static dev.racetest.conformance.Conformance.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code Condition}: the await variants, {@code signal} and {@code signalAll}. */
@Timeout(180)
class ConditionsConformanceTests {

    @Test
    void ifAroundAwaitIsBrokenByASpuriousWakeUpAndOnlyByOne() {
        String report = failureOf(IfInsteadOfWhileAwaitFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: woke up before the value was published");
        assertThat(report).contains(sourceLine(IfInsteadOfWhileAwaitFixture.class, "assert"));
        assertReplayReproduces(IfInsteadOfWhileAwaitFixture.class, report);
        assertPassesEveryExecution(IfInsteadOfWhileAwaitFixture.class, NO_SPURIOUS_WAKEUPS);
    }

    @Test
    void signalWakingTheWrongWaiterIsADeadlock() {
        String report = failureOf(SignalWakesWrongWaiterFixture.class);
        assertThat(verdict(report)).isEqualTo("deadlock: 2 threads are blocked and none can go on");
        assertThat(report).contains("T0 main waits for T2 stage-2 to end (in Thread.join)",
                sourceLine(SignalWakesWrongWaiterFixture.class, "main-joins"),
                "T2 stage-2 waits for ", sourceLine(SignalWakesWrongWaiterFixture.class, "await"));
        assertReplayReproduces(SignalWakesWrongWaiterFixture.class, report);
    }

    @Test
    void ignoredAwaitTimeoutUsesAMissingReply() {
        String report = failureOf(TimedAwaitResultIgnoredFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: used the reply before it came");
        assertThat(report).contains(sourceLine(TimedAwaitResultIgnoredFixture.class, "assert"));
        assertReplayReproduces(TimedAwaitResultIgnoredFixture.class, report);
    }

    @Test
    void boundedBufferWithTwoConditionsPasses() {
        assertPassesEveryExecution(TwoConditionBufferFixture.class);
    }

    @Test
    void signalAllWithTwoStagesPasses() {
        assertPassesEveryExecution(SignalAllStagesFixture.class);
    }

    @Test
    void awaitNanosDeadlineLoopPasses() {
        assertPassesEveryExecution(AwaitNanosDeadlineLoopFixture.class);
    }

    @Test
    void awaitUntilAndAwaitUninterruptiblyPass() {
        assertPassesEveryExecution(AwaitUntilAndUninterruptiblyFixture.class);
    }
}
