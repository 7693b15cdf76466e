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
        // Which waiter each signal wakes is a choice, so either of them can be the one left waiting.
        boolean stageOneLeft = report.contains("T0 main waits for T1 stage-1 to end");
        String left = stageOneLeft ? "T1 stage-1" : "T2 stage-2";
        assertThat(report).contains("T0 main waits for " + left + " to end (in Thread.join)",
                sourceLine(SignalWakesWrongWaiterFixture.class, stageOneLeft ? "main-joins-stage-1" : "main-joins"),
                left + " waits for ", sourceLine(SignalWakesWrongWaiterFixture.class, "await"));
        assertReplayReproduces(SignalWakesWrongWaiterFixture.class, report);
    }

    @Test
    void signalMayWakeTheWaiterThatCameSecond() {
        String report = failureOf(SignalWakesLaterWaiterFixture.class, NO_SPURIOUS_WAKEUPS);
        assertThat(verdict(report))
                .isEqualTo("java.lang.AssertionError in thread main: signal() woke the thread that began waiting second");
        assertThat(report).contains(sourceLine(SignalWakesLaterWaiterFixture.class, "assert"));
        assertReplayReproduces(SignalWakesLaterWaiterFixture.class, report, NO_SPURIOUS_WAKEUPS);
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
