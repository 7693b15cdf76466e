package dev.racetest.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.racetest.e2e.fixtures.CorrectProgramsFixture;
import dev.racetest.e2e.fixtures.LazyInitFixture;
import dev.racetest.e2e.fixtures.MissedSignalFixture;
import dev.racetest.e2e.fixtures.ParallelStreamFixture;
import dev.racetest.e2e.fixtures.SpinWaitFixture;
import dev.racetest.e2e.fixtures.ThreadPoolFixture;
import dev.racetest.e2e.fixtures.TightLoopFixture;
import dev.racetest.e2e.fixtures.WorkerExceptionFixture;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Deliberately racy and deliberately correct programs, run through the racetest engine end to end:
 * each must get its verdict, and a harness bug shows up as a timeout here rather than a hang.
 */
@Timeout(120)
class RacyProgramsTests {

    @Test
    void lazyInitialisationRaceIsFound() {
        // Race detection names the unordered check and write of the lazily initialised static first; the
        // double construction it leads to is the same race, seen later.
        assertThat(failureOf(LazyInitFixture.class)).startsWith("racetest found a failure: data race on LazyInitFixture$Registry.instance: ")
                .contains("wrote at LazyInitFixture$Registry.get(LazyInitFixture.java:", "read at LazyInitFixture$Registry.get(LazyInitFixture.java:");
    }

    @Test
    void missedSignalIsADeadlockNamingTheWait() {
        assertThat(failureOf(MissedSignalFixture.class)).startsWith("racetest found a failure: deadlock")
                .contains("T0 main waits for a notify on Object#1 (in Object.wait)", "MissedSignalFixture.java");
    }

    @Test
    void spinningOnAFlagNobodySetsIsALivelockAtTheLoop() {
        assertThat(failureOf(SpinWaitFixture.class)).startsWith("racetest found a failure: livelock")
                .contains("within 2000 steps", "SpinWaitFixture.spinsUntilReady(SpinWaitFixture.java:");
    }

    @Test
    void codeWithoutSyncPointsIsStoppedByTheWatchdog() {
        assertThat(failureOf(TightLoopFixture.class)).startsWith("racetest found a failure: stuck")
                .contains("TightLoopFixture.computesTooLong(TightLoopFixture.java:");
    }

    @Test
    void exceptionInAnotherThreadFailsTheTestNamingTheThread() {
        assertThat(failureOf(WorkerExceptionFixture.class))
                .startsWith("racetest found a failure: java.lang.IllegalStateException in thread worker: worker gave up");
    }

    @Test
    void threadPoolWorkRunsOnControlledThreads() {
        EngineExecutionResults results = EngineTestKit.engine("racetest").selectors(selectClass(ThreadPoolFixture.class)).execute();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void workForkedInsideTheJdkIsReportedAsOutsideControlNotAsAFalseVerdict() {
        assertThat(failureOf(ParallelStreamFixture.class))
                .startsWith("racetest found a failure: thread ForkJoinPool.commonPool-worker-")
                .contains("is not controlled by racetest but ran instrumented code at ParallelStreamFixture$Counter.add(ParallelStreamFixture.java:")
                .contains("It runs in java.util.concurrent.ForkJoinWorkerThread.run");
    }

    @Test
    void correctProgramsPassEveryExecution() {
        EngineExecutionResults results = EngineTestKit.engine("racetest").selectors(selectClass(CorrectProgramsFixture.class)).execute();
        List<String> failures = results.testEvents().failed().stream()
                .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage())
                .toList();
        assertThat(failures).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
    }

    private static String failureOf(Class<?> fixture) {
        EngineExecutionResults results = EngineTestKit.engine("racetest").selectors(selectClass(fixture)).execute();
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        return results.testEvents().failed().stream()
                .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage())
                .findFirst().orElseThrow();
    }
}
