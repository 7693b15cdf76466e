package dev.racetest.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Parallel carriers and shards change how fast a run goes, never what it finds. */
@Timeout(120)
class ParallelExplorationTests {

    /** A seed with which {@link #lastInReverse()} first fails in execution 167, long after the first epoch. */
    private static final long SEED = 15;

    private static final ExplorationSettings SETTINGS = ExplorationSettings.defaults()
            .withStrategy(StrategyKind.RANDOM).withSeed(SEED).withTimeBudget(Duration.ofMinutes(1));

    /** Four threads each append their number under a lock; the body fails when they ran in reverse order (1 in 24). */
    private static TestBody lastInReverse() {
        return () -> {
            java.util.List<Integer> order = new java.util.ArrayList<>();
            Object lock = new Object();
            Thread[] threads = new Thread[4];
            for (int i = 0; i < threads.length; i++) {
                int number = i;
                threads[i] = HandInstrumented.start(() -> HandInstrumented.locked(lock, () -> order.add(number)), "t" + i);
            }
            for (Thread thread : threads) {
                HandInstrumented.join(thread);
            }
            if (order.equals(java.util.List.of(3, 2, 1, 0))) {
                throw new AssertionError("the threads ran in reverse order");
            }
        };
    }

    @Test
    void theFirstFailureInExecutionOrderIsReportedWhateverTheParallelism() {
        // With this seed the lost update first shows in a later execution, so a parallel run has
        // executions after it in flight when it is found.
        Failure alone = Explorer.explore(SETTINGS.withParallelism(1), lastInReverse()).failure().orElseThrow();
        assertThat(alone.executionIndex()).isGreaterThan(ExecutionLoop.EPOCH);
        for (int carriers : new int[] {2, 3, 4}) {
            ExplorationResult parallel = Explorer.explore(SETTINGS.withParallelism(carriers), lastInReverse());
            Failure failure = parallel.failure().orElseThrow();
            assertThat(failure.executionIndex()).as("carriers: %d", carriers).isEqualTo(alone.executionIndex());
            assertThat(failure.schedule()).isEqualTo(alone.schedule());
            assertThat(parallel.executions()).isEqualTo(alone.executionIndex() + 1);
        }
    }

    @Test
    void learningStrategiesFindTheSameFirstFailureWhateverTheParallelism() {
        for (StrategyKind kind : new StrategyKind[] {StrategyKind.PORTFOLIO, StrategyKind.SURW, StrategyKind.PCT}) {
            ExplorationSettings settings = SETTINGS.withStrategy(kind).withMaxExecutions(2_000);
            ExplorationResult alone = Explorer.explore(settings.withParallelism(1), lastInReverse());
            ExplorationResult parallel = Explorer.explore(settings.withParallelism(3), lastInReverse());
            Failure first = alone.failure().orElseThrow();
            assertThat(parallel.failure().orElseThrow().executionIndex()).as("%s", kind).isEqualTo(first.executionIndex());
            assertThat(parallel.failure().orElseThrow().schedule()).isEqualTo(first.schedule());
            assertThat(parallel.distinctInterleavings()).isEqualTo(alone.distinctInterleavings());
        }
    }

    @Test
    void passingRunsExploreTheSameInterleavingsWhateverTheParallelism() {
        ExplorationSettings settings = SETTINGS.withMaxExecutions(300);
        ExplorationResult alone = Explorer.explore(settings.withParallelism(1), HandInstrumented.twoIncrements(true));
        ExplorationResult parallel = Explorer.explore(settings.withParallelism(4), HandInstrumented.twoIncrements(true));

        assertThat(alone.failure()).isEmpty();
        assertThat(parallel.executions()).isEqualTo(alone.executions()).isEqualTo(300);
        assertThat(parallel.distinctInterleavings()).isEqualTo(alone.distinctInterleavings());
        assertThat(parallel.statistics().maxSteps()).isEqualTo(alone.statistics().maxSteps());
        assertThat(parallel.statistics().meanSteps()).isEqualTo(alone.statistics().meanSteps());
    }

    @Test
    void fourShardsRunEachExecutionOfTheWholeRunExactlyOnce() {
        ExplorationSettings settings = SETTINGS.withMaxExecutions(203).withParallelism(2);
        ExplorationResult whole = Explorer.explore(settings, HandInstrumented.twoIncrements(true));
        int executions = 0;
        for (int index = 1; index <= 4; index++) {
            executions += Explorer.explore(settings.withShard(new Shard(index, 4)), HandInstrumented.twoIncrements(true))
                    .executions();
        }
        assertThat(executions).isEqualTo(whole.executions()).isEqualTo(203);
    }
}
