package dev.racetest.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.scheduler.report.FailureReport;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stored failing schedules run first, as executions 1 to k, before the strategy's own: one that still
 * fails is the failure, in execution 1; one that passes or diverges is no failure, and the strategy
 * then explores exactly what it would have explored without it, numbered after it.
 */
@Timeout(60)
class StoredSchedulesTests {

    /** Without race detection, which would stop the lost update at its first unordered access. */
    private static final ExplorationSettings SETTINGS = ExplorationSettings.defaults()
            .withSeed(42).withMaxExecutions(300).withTimeBudget(Duration.ofSeconds(30))
            .withRaces(RaceDetection.defaults().withMode(RaceMode.OFF));

    /** A schedule no run of the lost update can follow: it has no thread 9. */
    private static final Schedule FOREIGN = new Schedule(7, new int[] {9, 9, 9});

    @Test
    void aStoredScheduleThatStillFailsIsTheFailureOfExecutionOne() {
        // Depth-first search meets the lost update only after some executions that pass.
        Failure found = Explorer.explore(SETTINGS.withStrategy(StrategyKind.DFS), lostUpdate(false)).failure().orElseThrow();
        assertThat(found.executionIndex()).isPositive();

        ExplorationResult result = Explorer.explore(SETTINGS.withStoredSchedules(List.of(found.schedule()), true),
                lostUpdate(false));

        assertThat(result.stopReason()).isEqualTo(ExplorationResult.StopReason.FAILURE_FOUND);
        assertThat(result.executions()).isEqualTo(1);
        assertThat(result.failedInStoredReplay()).isTrue();
        Failure failure = result.failure().orElseThrow();
        assertThat(failure.executionIndex()).isZero();
        assertThat(failure.schedule()).isEqualTo(found.schedule());
        assertThat(failure.outcome().headline()).isEqualTo(found.outcome().headline());
        assertThat(failure.replayNote()).isNull();
        assertThat(result.storedReplays()).singleElement().satisfies(replay -> assertThat(replay.stillFails()).isTrue());
        assertThat(FailureReport.format(failure, result, List.of())).contains("Found in execution 1 (run seed 42)");
    }

    @Test
    void aStoredScheduleThatPassesNowIsNoFailureAndTheStrategyRunsItsWholeBudgetAfterIt() {
        Schedule failing = Explorer.explore(SETTINGS, lostUpdate(false)).failure().orElseThrow().schedule();

        ExplorationResult result = Explorer.explore(SETTINGS.withStoredSchedules(List.of(failing), true),
                lostUpdate(true));

        assertThat(result.failure()).isEmpty();
        assertThat(result.stopReason()).isEqualTo(ExplorationResult.StopReason.EXECUTION_BUDGET);
        assertThat(result.executions()).isEqualTo(301);
        assertThat(result.statistics().executions()).isEqualTo(301);
        assertThat(result.storedReplays()).singleElement().satisfies(replay -> {
            assertThat(replay.passes()).isTrue();
            assertThat(replay.executionIndex()).isZero();
        });
    }

    @Test
    void aDivergingStoredScheduleIsNoFailureAndTheStrategyFindsTheSameBugOneExecutionLater() {
        Failure baseline = Explorer.explore(SETTINGS, lostUpdate(false)).failure().orElseThrow();

        ExplorationResult result = Explorer.explore(SETTINGS.withStoredSchedules(List.of(FOREIGN), true),
                lostUpdate(false));

        Failure failure = result.failure().orElseThrow();
        assertThat(result.failedInStoredReplay()).isFalse();
        assertThat(failure.executionIndex()).isEqualTo(baseline.executionIndex() + 1);
        assertThat(failure.schedule()).isEqualTo(baseline.schedule());
        assertThat(result.executions()).isEqualTo(baseline.executionIndex() + 2);
        StoredReplay replay = result.storedReplays().getFirst();
        assertThat(replay.diverged()).isTrue();
        assertThat(replay.outcome().headline())
                .startsWith("replay diverged at decision 1: at step ")
                .contains("the schedule runs T9 next, but only T", "can run");

        ExplorationResult onTwoCarriers = Explorer.explore(SETTINGS.withParallelism(2)
                .withStoredSchedules(List.of(FOREIGN), true), lostUpdate(false));
        assertThat(onTwoCarriers.failure().orElseThrow().executionIndex()).isEqualTo(failure.executionIndex());
        assertThat(onTwoCarriers.failure().get().schedule()).isEqualTo(failure.schedule());
    }

    @Test
    void aSequentialStrategyIsOffsetTooAndItsBudgetCountsOnlyItsOwnExecutions() {
        ExplorationSettings dfs = SETTINGS.withStrategy(StrategyKind.DFS);
        Failure baseline = Explorer.explore(dfs, lostUpdate(false)).failure().orElseThrow();
        ExplorationResult withStored = Explorer.explore(dfs.withStoredSchedules(List.of(FOREIGN, FOREIGN), true),
                lostUpdate(false));
        assertThat(withStored.failure().orElseThrow().executionIndex()).isEqualTo(baseline.executionIndex() + 2);
        assertThat(withStored.failure().get().schedule()).isEqualTo(baseline.schedule());

        ExplorationResult fixed = Explorer.explore(dfs.withMaxExecutions(3).withStoredSchedules(List.of(FOREIGN), true),
                lostUpdate(true));
        assertThat(fixed.failure()).isEmpty();
        assertThat(fixed.executions()).isEqualTo(4);
    }

    @Test
    void aPassThatLeavesDecisionsOfTheScheduleUnusedIsADivergence() {
        Schedule failing = Explorer.explore(SETTINGS, lostUpdate(false)).failure().orElseThrow().schedule();
        int[] longer = new int[failing.length() + 2];
        for (int i = 0; i < failing.length(); i++) {
            longer[i] = failing.choice(i);
        }
        Schedule padded = new Schedule(failing.executionSeed(), longer);

        ExplorationResult result = Explorer.explore(SETTINGS.withStoredSchedules(List.of(padded), false),
                lostUpdate(true));

        StoredReplay replay = result.storedReplays().getFirst();
        assertThat(replay.diverged()).isTrue();
        assertThat(replay.outcome().headline()).isEqualTo("replay diverged at decision " + (failing.length() + 1)
                + ": the program ended after " + failing.length() + " of the schedule's " + padded.length()
                + " decisions, so it no longer runs the way the schedule was recorded");
    }

    @Test
    void replayOnlyRunsTheStoredSchedulesAndNothingElse() {
        Schedule failing = Explorer.explore(SETTINGS, lostUpdate(false)).failure().orElseThrow().schedule();

        ExplorationResult passing = Explorer.explore(SETTINGS.withStoredSchedules(List.of(FOREIGN, failing), false),
                lostUpdate(true));
        assertThat(passing.failure()).isEmpty();
        assertThat(passing.stopReason()).isEqualTo(ExplorationResult.StopReason.REPLAYED);
        assertThat(passing.executions()).isEqualTo(2);
        assertThat(passing.storedReplays()).extracting(StoredReplay::diverged).containsExactly(true, false);
        assertThat(passing.storedReplays()).extracting(StoredReplay::passes).containsExactly(false, true);

        ExplorationResult failingAgain = Explorer.explore(
                SETTINGS.withStoredSchedules(List.of(FOREIGN, failing, FOREIGN), false), lostUpdate(false));
        assertThat(failingAgain.failure().orElseThrow().executionIndex()).isEqualTo(1);
        assertThat(failingAgain.storedReplays()).hasSize(2); // the third never ran
        assertThat(failingAgain.executions()).isEqualTo(2);

        ExplorationResult nothing = Explorer.explore(SETTINGS.withStoredSchedules(List.of(), false), lostUpdate(false));
        assertThat(nothing.failure()).isEmpty();
        assertThat(nothing.executions()).isZero();
        assertThat(nothing.stopReason()).isEqualTo(ExplorationResult.StopReason.REPLAYED);
    }

    @Test
    void anExplicitReplayIgnoresStoredSchedules() {
        Schedule failing = Explorer.explore(SETTINGS, lostUpdate(false)).failure().orElseThrow().schedule();

        ExplorationResult result = Explorer.explore(SETTINGS.withReplay(failing)
                .withStoredSchedules(List.of(FOREIGN), true), lostUpdate(false));

        assertThat(result.stopReason()).isEqualTo(ExplorationResult.StopReason.REPLAYED);
        assertThat(result.executions()).isEqualTo(1);
        assertThat(result.storedReplays()).isEmpty();
    }

    /**
     * The lost update of two racy increments; when {@code fixed}, its check is dropped, so every
     * schedule takes the same decisions as before and passes: a bug fixed without changing the
     * program's synchronisation.
     */
    private static TestBody lostUpdate(boolean fixed) {
        TestBody racy = HandInstrumented.twoIncrements(false);
        return () -> {
            try {
                racy.run();
            } catch (AssertionError lost) {
                if (!fixed) {
                    throw lost;
                }
            }
        };
    }
}
