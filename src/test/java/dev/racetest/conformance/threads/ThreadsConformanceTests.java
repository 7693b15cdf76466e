package dev.racetest.conformance.threads;

import static dev.racetest.conformance.Conformance.assertPassesEveryExecution;
import static dev.racetest.conformance.Conformance.assertReplayReproduces;
import static dev.racetest.conformance.Conformance.failureOf;
import static dev.racetest.conformance.Conformance.sourceLine;
import static dev.racetest.conformance.Conformance.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Threads themselves: virtual threads from {@code Thread.ofVirtual()}, thread locals, interrupts,
 * uncaught-exception handlers, {@code getState()} and daemon threads.
 */
@Timeout(180)
class ThreadsConformanceTests {

    @Test
    void virtualThreadsRaceLikeAnyOther() {
        String report = failureOf(VirtualThreadsLostUpdateFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: counted 1 of 2 increments");
        assertThat(report).contains(sourceLine(VirtualThreadsLostUpdateFixture.class, "assert"));
        assertReplayReproduces(VirtualThreadsLostUpdateFixture.class, report);
    }

    @Test
    void virtualThreadBuilderPasses() {
        assertPassesEveryExecution(VirtualThreadBuilderFixture.class);
    }

    @Test
    void inheritedReferenceToMutableContextRaces() {
        String report = failureOf(InheritedMutableContextFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: the shared context counted 1 of 2 requests");
        assertThat(report).contains(sourceLine(InheritedMutableContextFixture.class, "assert"));
        assertReplayReproduces(InheritedMutableContextFixture.class, report);
    }

    @Test
    void threadLocalCountersPass() {
        assertPassesEveryExecution(ThreadLocalPerThreadFixture.class);
    }

    @Test
    void inheritableThreadLocalCopiedAtCreationPasses() {
        assertPassesEveryExecution(InheritableCopyFixture.class);
    }

    @Test
    void swallowedInterruptIsALivelockAtTheLoop() {
        String report = failureOf(SwallowedInterruptFixture.class);
        assertThat(verdict(report)).isEqualTo("livelock: the execution did not finish within 5000 steps");
        assertThat(report).contains(sourceLine(SwallowedInterruptFixture.class, "loop"));
        assertReplayReproduces(SwallowedInterruptFixture.class, report);
    }

    @Test
    void restoredInterruptPasses() {
        assertPassesEveryExecution(InterruptRestoredFixture.class);
    }

    @Test
    void handlerInstalledAfterStartMissesTheFailure() {
        String report = failureOf(HandlerSetAfterStartFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.IllegalStateException in thread worker: bad input");
        assertThat(report).contains(sourceLine(HandlerSetAfterStartFixture.class, "throw"));
        assertReplayReproduces(HandlerSetAfterStartFixture.class, report);
    }

    @Test
    void handlerInstalledBeforeStartHandlesTheFailure() {
        assertPassesEveryExecution(UncaughtHandlerFixture.class);
    }

    @Test
    void waitingStateTakenForAMonitorWaitLosesTheNotify() {
        String report = failureOf(WaitingStateIsNotOurWaitFixture.class);
        assertThat(verdict(report)).isEqualTo("deadlock: 2 threads are blocked and none can go on");
        assertThat(report).contains("T0 main waits for T1 worker to end (in Thread.join)",
                sourceLine(WaitingStateIsNotOurWaitFixture.class, "join"),
                "T1 worker waits for a notify on ", sourceLine(WaitingStateIsNotOurWaitFixture.class, "wait"));
        assertReplayReproduces(WaitingStateIsNotOurWaitFixture.class, report);
    }

    @Test
    void threadStatesFollowTheLifecycle() {
        assertPassesEveryExecution(ThreadStatesFixture.class);
    }

    @Test
    void nonDaemonThreadBlockedAfterTheTestReturnsIsALeak() {
        String report = failureOf(NonDaemonBackgroundThreadFixture.class);
        assertThat(verdict(report)).startsWith("leak: the test body returned but thread T1 event-consumer never ended (it waits for ");
        assertThat(report).contains(sourceLine(NonDaemonBackgroundThreadFixture.class, "take"));
        assertReplayReproduces(NonDaemonBackgroundThreadFixture.class, report);
    }

    @Test
    void daemonThreadBlockedAfterTheTestReturnsPasses() {
        assertPassesEveryExecution(DaemonBackgroundThreadFixture.class);
    }
}
