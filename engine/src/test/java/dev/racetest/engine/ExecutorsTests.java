package dev.racetest.engine;

import static dev.racetest.engine.RaceTestKit.onlyFailure;
import static dev.racetest.engine.RaceTestKit.racetest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.racetest.RaceTestFailure;
import dev.racetest.fixtures.executors.PoolFixture;
import dev.racetest.fixtures.executors.ScheduledFixture;
import dev.racetest.fixtures.executors.SingleThreadLockedUpdateFixture;
import dev.racetest.fixtures.executors.SingleThreadLostUpdateFixture;
import dev.racetest.fixtures.executors.VirtualThreadPerTaskFixture;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Run {@code @RaceTest}s that use JDK executors: their pool threads are controlled threads, so correct
 * programs pass every execution (none is reported as using a thread racetest does not control), a
 * race between a pool thread and the test thread is found, and delays run on virtual time.
 */
@Timeout(120)
class ExecutorsTests {

    private static final String EXECUTIONS = "25";

    @TempDir
    Path reportDir;

    static Stream<Arguments> correctPrograms() {
        return Stream.of(
                Arguments.of(PoolFixture.class, "fixedPoolFutures"),
                Arguments.of(PoolFixture.class, "cachedPoolFutures"),
                Arguments.of(PoolFixture.class, "shutdownThenAwaitTermination"),
                Arguments.of(PoolFixture.class, "cancelInterruptsASleepingWorker"),
                Arguments.of(PoolFixture.class, "poolSubclassHooks"),
                Arguments.of(PoolFixture.class, "threadNamesAreTheSameInEveryExecution"),
                Arguments.of(ScheduledFixture.class, "taskScheduledInAnHourRuns"),
                Arguments.of(ScheduledFixture.class, "periodicTaskRunsThreeTimesThenShutsDown"),
                Arguments.of(VirtualThreadPerTaskFixture.class, "closeWaitsForEveryTask"),
                Arguments.of(VirtualThreadPerTaskFixture.class, "builderThreadsRunTheirTasksWithInheritedValues"),
                Arguments.of(SingleThreadLockedUpdateFixture.class, "incrementOnBothSides"));
    }

    @ParameterizedTest(name = "{0}#{1}")
    @MethodSource("correctPrograms")
    void correctProgramPassesEveryExecution(Class<?> fixture, String method) {
        EngineExecutionResults results = racetest(reportDir)
                .selectors(selectMethod(fixture, method))
                .configurationParameter("racetest.executions", EXECUTIONS)
                .execute();

        // The failure messages first, so that a failing run says why.
        assertThat(results.testEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .map(Throwable::getMessage))
                .isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    }

    @Test
    void lostUpdateBetweenTheTestThreadAndAPoolThreadIsFound() {
        EngineExecutionResults results = racetest(reportDir)
                .selectors(selectClass(SingleThreadLostUpdateFixture.class))
                .configurationParameter("racetest.races", "off") // the lost update itself, not the race that causes it
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = onlyFailure(results);
        assertThat(failure).isInstanceOf(RaceTestFailure.class).hasCauseInstanceOf(AssertionError.class);
        assertThat(failure.getMessage()).contains("expected count 2 but was 1")
                .doesNotContain("not controlled by racetest");
    }

    @Test
    void theLostUpdateReplaysFromItsToken() {
        String token = ((RaceTestFailure) onlyFailure(racetest(reportDir)
                .selectors(selectClass(SingleThreadLostUpdateFixture.class))
                .configurationParameter("racetest.races", "off") // the lost update itself, not the race that causes it
                .execute())).replayToken();

        EngineExecutionResults replayed = racetest(reportDir)
                .selectors(selectClass(SingleThreadLostUpdateFixture.class))
                .configurationParameter("racetest.races", "off")
                .configurationParameter("racetest.replay",
                        SingleThreadLostUpdateFixture.class.getName() + "#incrementOnBothSides:" + token)
                .execute();

        assertThat(onlyFailure(replayed).getMessage())
                .contains("Replayed from a schedule", "expected count 2 but was 1");
    }
}
