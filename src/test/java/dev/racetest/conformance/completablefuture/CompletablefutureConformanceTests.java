package dev.racetest.conformance.completablefuture;

import static dev.racetest.conformance.Conformance.assertPassesEveryExecution;
import static dev.racetest.conformance.Conformance.assertReplayReproduces;
import static dev.racetest.conformance.Conformance.failureOf;
import static dev.racetest.conformance.Conformance.sourceLine;
import static dev.racetest.conformance.Conformance.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code CompletableFuture}: {@code supplyAsync}, {@code runAsync}, {@code thenApplyAsync} and timed {@code get}. */
@Timeout(180)
class CompletablefutureConformanceTests {

    @Test
    void plainCounterInAsyncTasksLosesAnUpdate() {
        String report = failureOf(AsyncLostUpdateFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: counted 1 of 2 tasks");
        assertThat(report).contains(sourceLine(AsyncLostUpdateFixture.class, "assert"));
        assertReplayReproduces(AsyncLostUpdateFixture.class, report);
    }

    @Test
    void sideEffectOfAnUnjoinedAsyncStageIsReadTooEarly() {
        String report = failureOf(ThenApplyAsyncReadsTooEarlyFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: formatted value was null");
        assertThat(report).contains(sourceLine(ThenApplyAsyncReadsTooEarlyFixture.class, "assert"));
        assertReplayReproduces(ThenApplyAsyncReadsTooEarlyFixture.class, report);
    }

    @Test
    void asyncPipelinePasses() {
        assertPassesEveryExecution(AsyncPipelineFixture.class);
    }

    @Test
    void timedGetOfASlowSupplierTimesOutOnVirtualTime() {
        String report = failureOf(GetTimeoutFixture.class);
        assertThat(verdict(report)).startsWith("java.util.concurrent.TimeoutException in thread main");
        assertThat(report).contains(sourceLine(GetTimeoutFixture.class, "get"));
        assertReplayReproduces(GetTimeoutFixture.class, report);
    }
}
