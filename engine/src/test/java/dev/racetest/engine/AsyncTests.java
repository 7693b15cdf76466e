package dev.racetest.engine;

import static dev.racetest.engine.RaceTestKit.failureOf;
import static dev.racetest.engine.RaceTestKit.onlyFailure;
import static dev.racetest.engine.RaceTestKit.racetest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.racetest.RaceTestFailure;
import dev.racetest.fixtures.async.AsyncPipelineFixture;
import dev.racetest.fixtures.async.AsyncTimeoutFixture;
import dev.racetest.fixtures.async.ForkJoinLostUpdateFixture;
import dev.racetest.fixtures.async.ForkJoinPoolLifecycleFixture;
import dev.racetest.fixtures.async.ForkJoinSumFixture;
import dev.racetest.fixtures.async.TimerFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code ForkJoinPool}, {@code CompletableFuture}'s async steps and timeouts, and {@code java.util.Timer}
 * under racetest: their tasks run on controlled threads (a test that uses them passes or fails on its
 * own merits instead of ending as "not controlled by racetest"), and their delays on the virtual clock.
 */
@Timeout(120)
class AsyncTests {

    @TempDir
    Path reportDir;

    private EngineExecutionResults run(Class<?> fixture, String method) {
        return racetest(reportDir).selectors(selectMethod(fixture, method)).execute();
    }

    /** Run without race detection, which would report the race behind a lost update before the update is lost. */
    private Throwable failsWithRacesOff(Class<?> fixture, String method, String message) {
        Throwable failure = onlyFailure(racetest(reportDir).selectors(selectMethod(fixture, method))
                .configurationParameter("racetest.races", "off").execute());
        assertThat(failure).isInstanceOf(RaceTestFailure.class);
        assertThat(failure.getMessage()).contains(message).doesNotContain("not controlled by racetest");
        return failure;
    }

    private void passes(Class<?> fixture, String method) {
        EngineExecutionResults results = run(fixture, method);
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    }

    /** Assert that the test fails with an assertion of its own (not an escape) whose message contains {@code message}. */
    private Throwable failsWith(Class<?> fixture, String method, String message) {
        Throwable failure = onlyFailure(run(fixture, method));
        assertThat(failure).isInstanceOf(RaceTestFailure.class);
        assertThat(failure.getMessage()).contains(message).doesNotContain("not controlled by racetest");
        return failure;
    }

    @Test
    void recursiveTaskSumOnTheCommonPoolPasses() {
        passes(ForkJoinSumFixture.class, "sumsOnTheCommonPool");
    }

    @Test
    void countedCompleterSumOnTheCommonPoolPasses() {
        passes(ForkJoinSumFixture.class, "countedCompleterSumsOnTheCommonPool");
    }

    @Test
    void lostUpdateBetweenForkedActionsIsFound() {
        Throwable failure = failsWithRacesOff(ForkJoinLostUpdateFixture.class, "invokeAllLosesAnUpdate",
                "expected count 2 but was 1");
        assertThat(failure).hasCauseInstanceOf(AssertionError.class);
        assertThat(failsWith(ForkJoinLostUpdateFixture.class, "invokeAllLosesAnUpdate",
                "data race on ForkJoinLostUpdateFixture.count")).hasNoCause();
    }

    @Test
    void poolCreatedByTheTestRunsItsTasksAndTerminates() {
        passes(ForkJoinPoolLifecycleFixture.class, "poolRunsItsTasksAndTerminates");
    }

    @Test
    void lostUpdateInAsyncPipelinesIsFound() {
        Throwable failure = failsWithRacesOff(AsyncPipelineFixture.class, "pipelinesLoseAnUpdate", "expected count 2 but was 1");
        assertThat(failure).hasCauseInstanceOf(AssertionError.class);
        assertThat(failsWith(AsyncPipelineFixture.class, "pipelinesLoseAnUpdate",
                "data race on AsyncPipelineFixture.count")).hasNoCause();
    }

    @Test
    void synchronizedAsyncPipelinesPass() {
        passes(AsyncPipelineFixture.class, "synchronizedPipelinesKeepEveryUpdate");
    }

    @Test
    void orTimeoutFiresOnTheVirtualClockBeforeAnHourLongSupplier() {
        passes(AsyncTimeoutFixture.class, "sleepyPipelineTimesOutOnTheVirtualClock");
    }

    @Test
    void completeOnTimeoutAndDelayedExecutorWaitOnTheVirtualClock() {
        passes(AsyncTimeoutFixture.class, "completeOnTimeoutAndDelayedExecutorWaitOnTheVirtualClock");
    }

    @Test
    void eitherTheValueOrTheTimeoutCanWinTheirRace() {
        EngineExecutionResults results = racetest(reportDir).selectors(selectClass(AsyncTimeoutFixture.class)).execute();

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(2).failed(2));
        assertThat(failureOf(results, "valueAlwaysBeatsTheTimeout()").getMessage())
                .contains("the timeout won the race").doesNotContain("not controlled by racetest");
        assertThat(failureOf(results, "timeoutAlwaysBeatsTheValue()").getMessage())
                .contains("the value won the race").doesNotContain("not controlled by racetest");
    }

    @Test
    void timerTaskDueInAnHourRunsOnTheVirtualClock() {
        passes(TimerFixture.class, "taskDueInAnHourRunsOnTheVirtualClock");
    }

    @Test
    void timerTaskCancelledBeforeItIsDueNeverRuns() {
        passes(TimerFixture.class, "taskCancelledBeforeItIsDueNeverRuns");
    }

    @Test
    void timerTaskCancelFromAnotherThreadAnswersWhetherItPreventedTheRun() {
        passes(TimerFixture.class, "cancelFromAnotherThreadEitherPreventsTheRunOrSaysItCameTooLate");
    }

    @Test
    void exceptionInATimerTaskEndsItsThreadAndFailsTheTest() {
        Throwable failure = failsWith(TimerFixture.class, "taskThatThrowsKillsItsTimer", "task failed on purpose");
        assertThat(failure.getMessage()).contains("failing");
        assertThat(failure).hasCauseInstanceOf(IllegalStateException.class);
    }
}
