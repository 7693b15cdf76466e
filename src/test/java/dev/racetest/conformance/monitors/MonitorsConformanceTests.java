package dev.racetest.conformance.monitors;

import static dev.racetest.conformance.Conformance.NO_SPURIOUS_WAKEUPS;
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
    void ifAroundWaitIsBrokenByASpuriousWakeUpAndOnlyByOne() {
        String report = failureOf(IfInsteadOfWhileWaitFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: woke up before the value was published");
        assertThat(report).contains(sourceLine(IfInsteadOfWhileWaitFixture.class, "assert"));
        assertReplayReproduces(IfInsteadOfWhileWaitFixture.class, report);
        assertPassesEveryExecution(IfInsteadOfWhileWaitFixture.class, NO_SPURIOUS_WAKEUPS);
    }

    @Test
    void notifyWakingTheWrongWaiterIsADeadlock() {
        // Without spurious wake-ups the waiters queue in a fixed order: only the choice of waiter deadlocks.
        String report = failureOf(NotifyWakesWrongWaiterFixture.class, NO_SPURIOUS_WAKEUPS);
        assertThat(verdict(report)).isEqualTo("deadlock: 2 threads are blocked and none can go on");
        // Either waiter can be the one left behind, depending on which notify went astray.
        boolean xLeft = report.contains("T0 main waits for T1 x-waiter to end (in Thread.join)");
        assertThat(report).contains(xLeft ? "T1 x-waiter waits for a notify on " : "T2 y-waiter waits for a notify on ",
                "(in Object.wait)",
                sourceLine(NotifyWakesWrongWaiterFixture.class, xLeft ? "main-joins-x" : "main-joins-y"),
                sourceLine(NotifyWakesWrongWaiterFixture.class, xLeft ? "x-waits" : "y-waits"));
        if (!xLeft) {
            assertThat(report).contains("T0 main waits for T2 y-waiter to end (in Thread.join)");
        }
        assertReplayReproduces(NotifyWakesWrongWaiterFixture.class, report, NO_SPURIOUS_WAKEUPS);
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
