package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.NoRaces;
import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.Explorer;
import dev.racetest.scheduler.Shard;
import dev.racetest.scheduler.StrategyKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An exhaustive run stopped by its budget resumes from its checkpoint file and reaches the same total. */
@Timeout(120)
class ExplorerCheckpointTests {

    @TempDir
    Path dir;

    private static final ExplorationSettings DPOR = NoRaces.settings().withStrategy(StrategyKind.DPOR)
            .withTimeBudget(Duration.ofMinutes(1)).withMaxExecutions(1_000);

    @Test
    void aRunCutShortByItsBudgetContinuesWhereItStopped() throws IOException {
        Path file = dir.resolve("checkpoints/Test.method.state");
        ExplorationSettings settings = DPOR.withCheckpoint(file).withMaxExecutions(5);

        ExplorationResult first = Explorer.explore(settings, ExhaustivePrograms.sharedWriters(4));
        assertThat(first.stopReason()).isEqualTo(ExplorationResult.StopReason.EXECUTION_BUDGET);
        assertThat(first.complete()).isFalse();
        assertThat(Files.readString(file)).startsWith("racetest-checkpoint 1\nstrategy=dpor\n");

        int runs = 1;
        ExplorationResult last = first;
        while (!last.complete() && runs < 50) {
            last = Explorer.explore(settings, ExhaustivePrograms.sharedWriters(4));
            runs++;
        }
        // 4 writers of one variable: 4! traces, found over several runs of at most 5 executions each.
        assertThat(last.complete()).isTrue();
        assertThat(last.distinctInterleavings()).isEqualTo(24);
        assertThat(runs).isGreaterThan(4);
        assertThat(file).doesNotExist();
    }

    @Test
    void fourShardsThroughTheExplorerAddUpToTheWholeSpace() {
        ExplorationResult whole = Explorer.explore(DPOR, ExhaustivePrograms.sharedWriters(4));
        assertThat(whole.complete()).isTrue();
        int traces = 0;
        for (int index = 1; index <= 4; index++) {
            ExplorationResult shard = Explorer.explore(DPOR.withShard(new Shard(index, 4)), ExhaustivePrograms.sharedWriters(4));
            assertThat(shard.complete()).as("shard %d", index).isTrue();
            assertThat(shard.distinctInterleavings()).as("shard %d", index).isLessThan(24);
            traces += shard.distinctInterleavings();
        }
        assertThat(traces).isEqualTo(whole.distinctInterleavings()).isEqualTo(24);
    }

    @Test
    void aCheckpointOfOtherSettingsIsSetAsideAndTheRunStartsAfresh() throws IOException {
        Path file = dir.resolve("Test.method.state");
        Explorer.explore(DPOR.withCheckpoint(file).withMaxExecutions(3), ExhaustivePrograms.sharedWriters(3));
        assertThat(file).exists();

        ExplorationResult other = Explorer.explore(DPOR.withCheckpoint(file).withShard(new Shard(1, 1)).withSeed(99),
                ExhaustivePrograms.sharedWriters(3));

        assertThat(other.complete()).isTrue();
        assertThat(other.distinctInterleavings()).isEqualTo(6);
        assertThat(dir.resolve("Test.method.state.unusable")).exists();
    }

    @Test
    void aDamagedCheckpointNeverFailsTheRun() throws IOException {
        Path file = dir.resolve("Test.method.state");
        Files.writeString(file, "racetest-checkpoint 1\nstrategy=dpor\nseed=" + DPOR.seed()
                + "\nshard=1/1\npreemptionBound=-1\nmaxSteps=" + DPOR.maxSteps() + "\nexecutions=3\nstate\nnot a state");

        ExplorationResult result = Explorer.explore(DPOR.withCheckpoint(file), ExhaustivePrograms.sharedWriters(3));

        assertThat(result.complete()).isTrue();
        assertThat(result.distinctInterleavings()).isEqualTo(6);
    }
}
