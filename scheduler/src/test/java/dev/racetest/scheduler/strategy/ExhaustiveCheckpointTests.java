package dev.racetest.scheduler.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.racetest.scheduler.Shard;
import dev.racetest.scheduler.TestBody;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A stopped exploration resumes from its checkpoint and reaches the same totals and traces. */
@Timeout(300)
class ExhaustiveCheckpointTests {

    @Test
    void dporResumedFromCheckpointsReachesTheSameTraces() {
        TestBody program = ExhaustivePrograms.twoWaitersTwoNotifies();
        DporStrategy uninterrupted = new DporStrategy(3);
        ExhaustiveRun reference = ExhaustiveRun.of(uninterrupted, program);

        Set<Long> traces = new HashSet<>();
        DporStrategy current = new DporStrategy(3);
        int stops = 0;
        while (true) {
            ExhaustiveRun slice = ExhaustiveRun.of(current, program, 7);
            traces.addAll(slice.traces);
            if (current.isComplete()) {
                break;
            }
            String checkpoint = current.checkpoint();
            current = DporStrategy.restore(checkpoint);
            stops++;
        }

        assertThat(stops).isGreaterThan(2);
        assertThat(current.completeExecutions()).isEqualTo(uninterrupted.completeExecutions());
        assertThat(current.abandonedExecutions()).isEqualTo(uninterrupted.abandonedExecutions());
        assertThat(traces).isEqualTo(reference.traces);
    }

    @Test
    void boundedShardedDfsResumesToo() {
        TestBody program = ExhaustivePrograms.crossedReadWrite();
        DfsStrategy uninterrupted = new DfsStrategy(3, 2, new Shard(2, 3));
        ExhaustiveRun reference = ExhaustiveRun.of(uninterrupted, program);

        DfsStrategy first = new DfsStrategy(3, 2, new Shard(2, 3));
        ExhaustiveRun before = ExhaustiveRun.of(first, program, 5);
        String checkpoint = first.checkpoint();
        DfsStrategy resumed = DfsStrategy.restore(checkpoint);
        ExhaustiveRun after = ExhaustiveRun.of(resumed, program);

        assertThat(checkpoint).startsWith("racetest-search 1\nreduction NONE\nseed 3\nbound 2\nshard 2/3\n");
        assertThat(before.executions + after.executions).isEqualTo(reference.executions);
        assertThat(resumed.completeExecutions()).isEqualTo(uninterrupted.completeExecutions());
        Set<Long> union = new HashSet<>(before.traces);
        union.addAll(after.traces);
        assertThat(union).isEqualTo(reference.traces);
    }

    @Test
    void progressEstimateEndsAtOne() {
        TestBody program = ExhaustivePrograms.sharedWriters(3);
        DporStrategy dpor = new DporStrategy(3);
        assertThat(dpor.estimatedFractionDone()).isZero();

        ExhaustiveRun.of(dpor, program, 3);
        double midway = dpor.estimatedFractionDone();
        ExhaustiveRun.of(dpor, program);

        assertThat(midway).isStrictlyBetween(0.0, 1.0);
        assertThat(dpor.estimatedFractionDone()).isEqualTo(1.0);
        assertThat(dpor.isComplete()).isTrue();
        assertThat(dpor.beginExecution(99)).isFalse();
    }

    @Test
    void aCheckpointOfAnotherStrategyOrDamagedTextIsRefusedWithOneSentence() {
        String dfsCheckpoint = new DfsStrategy(1).checkpoint();

        assertThatThrownBy(() -> DporStrategy.restore(dfsCheckpoint))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the checkpoint is of a NONE exploration, not of a SOURCE_DPOR one");
        assertThatThrownBy(() -> DporStrategy.restore("hello"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("this is not a racetest exploration checkpoint");
        assertThatThrownBy(() -> DporStrategy.restore(dfsCheckpoint.replace("NONE", "SOURCE_DPOR").replace("seed 1", "seed x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the exploration checkpoint is damaged");
    }
}
