package dev.racetest.conformance.monitors;

import static dev.racetest.conformance.Conformance.assertPassesEveryExecution;
import static dev.racetest.conformance.Conformance.assertReplayReproduces;
import static dev.racetest.conformance.Conformance.failureOf;
import static dev.racetest.conformance.Conformance.sourceLine;
import static dev.racetest.conformance.Conformance.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code synchronized}, {@code wait}, {@code notify} and {@code notifyAll}. */
@Timeout(180)
class MonitorsConformanceTests {

    @Test
    void monitorsOfDifferentObjectsDoNotExcludeEachOther() {
        String report = failureOf(EachHandleLocksItselfFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: counted 1 of 2 increments");
        assertThat(report).contains(sourceLine(EachHandleLocksItselfFixture.class, "assert"));
        assertReplayReproduces(EachHandleLocksItselfFixture.class, report);
    }

    @Test
    void oppositeLockOrderIsADeadlockNamingBothThreadsAndLines() {
        String report = failureOf(LockOrderDeadlockFixture.class);
        assertThat(verdict(report)).isEqualTo("deadlock: T1 left-first, T2 right-first wait for each other's locks");
        assertThat(report).contains("T1 left-first waits for lock on ", "(held by T2 right-first)",
                "T2 right-first waits for lock on ", "(held by T1 left-first)",
                sourceLine(LockOrderDeadlockFixture.class, "left-waits"),
                sourceLine(LockOrderDeadlockFixture.class, "right-waits"));
        assertReplayReproduces(LockOrderDeadlockFixture.class, report);
    }

    @Test
    void ifAroundWaitIsBrokenByASpuriousWakeUp() {
        String report = failureOf(IfInsteadOfWhileWaitFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: woke up before the value was published");
        assertThat(report).contains(sourceLine(IfInsteadOfWhileWaitFixture.class, "assert"));
        assertReplayReproduces(IfInsteadOfWhileWaitFixture.class, report);
    }

    @Test
    void notifyWakingTheWrongWaiterIsADeadlock() {
        String report = failureOf(NotifyWakesWrongWaiterFixture.class);
        assertThat(verdict(report)).isEqualTo("deadlock: 2 threads are blocked and none can go on");
        assertThat(report).contains("T0 main waits for T2 y-waiter to end (in Thread.join)",
                sourceLine(NotifyWakesWrongWaiterFixture.class, "main-joins"),
                "T2 y-waiter waits for a notify on ", "(in Object.wait)",
                sourceLine(NotifyWakesWrongWaiterFixture.class, "y-waits"));
        assertReplayReproduces(NotifyWakesWrongWaiterFixture.class, report);
    }

    @Test
    void boundedBufferWithWhileAndNotifyAllPasses() {
        assertPassesEveryExecution(BoundedBufferFixture.class);
    }

    @Test
    void notifyAllWithTwoConditionsPasses() {
        assertPassesEveryExecution(NotifyAllTwoConditionsFixture.class);
    }

    @Test
    void notifyToTheOnlyWaiterPasses() {
        assertPassesEveryExecution(HandOffWithNotifyFixture.class);
    }
}
