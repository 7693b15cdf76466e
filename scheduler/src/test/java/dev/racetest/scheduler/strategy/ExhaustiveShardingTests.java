package dev.racetest.scheduler.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.scheduler.Shard;
import dev.racetest.scheduler.TestBody;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** n shards explore every trace exactly once between them: the union is the unsharded run's set. */
@Timeout(300)
class ExhaustiveShardingTests {

    static List<Named<TestBody>> programs() {
        return List.of(
                Named.of("4 writers of x", ExhaustivePrograms.sharedWriters(4)),
                Named.of("3 locked writers", ExhaustivePrograms.lockedWriters(3)),
                Named.of("3 readers and a writer", ExhaustivePrograms.readersAndOneWriter(3)),
                Named.of("check then act", ExhaustivePrograms.doubleWinner()),
                Named.of("lock-order deadlock", ExhaustivePrograms.lockOrderDeadlock()),
                Named.of("two waiters, two notifies", ExhaustivePrograms.twoWaitersTwoNotifies()),
                Named.of("racy increments", ExhaustivePrograms.racyIncrements()));
    }

    @ParameterizedTest
    @MethodSource("programs")
    void fourDporShardsCoverTheUnshardedTracesOnce(TestBody program) {
        DporStrategy whole = new DporStrategy(7);
        ExhaustiveRun unsharded = ExhaustiveRun.of(whole, program);

        Set<Long> union = new HashSet<>();
        long sum = 0;
        for (int index = 1; index <= 4; index++) {
            DporStrategy shard = new DporStrategy(7, 0, new Shard(index, 4));
            ExhaustiveRun part = ExhaustiveRun.of(shard, program);
            assertThat(shard.isComplete()).isTrue();
            assertThat(part.traces).hasSize(part.counted); // no trace twice within a shard
            assertThat(java.util.Collections.disjoint(union, part.traces)).isTrue(); // nor in two shards
            union.addAll(part.traces);
            sum += shard.completeExecutions();
            System.out.printf("shard %d/4: %d complete, %d abandoned, %d uncounted%n", index,
                    shard.completeExecutions(), shard.abandonedExecutions(), shard.uncountedExecutions());
        }

        assertThat(union).isEqualTo(unsharded.traces);
        assertThat(sum).isEqualTo(whole.completeExecutions());
    }

    @Test
    void dfsShardsSplitThePathsToo() {
        TestBody program = ExhaustivePrograms.twoWritesEach();
        DfsStrategy whole = new DfsStrategy(7);
        ExhaustiveRun unsharded = ExhaustiveRun.of(whole, program);

        long sum = 0;
        Set<Long> union = new HashSet<>();
        for (int index = 1; index <= 3; index++) {
            DfsStrategy shard = new DfsStrategy(7, 0, new Shard(index, 3));
            ExhaustiveRun part = ExhaustiveRun.of(shard, program);
            sum += shard.completeExecutions();
            union.addAll(part.traces);
        }

        assertThat(sum).isEqualTo(whole.completeExecutions());
        assertThat(union).isEqualTo(unsharded.traces);
    }

    @Test
    void theWholeShardIsThePlainAlgorithm() {
        TestBody program = ExhaustivePrograms.lockedWriters(3);
        DporStrategy plain = new DporStrategy(7);
        DporStrategy whole = new DporStrategy(7, 0, Shard.WHOLE);

        ExhaustiveRun first = ExhaustiveRun.of(plain, program);
        ExhaustiveRun second = ExhaustiveRun.of(whole, program);

        assertThat(second.executions).isEqualTo(first.executions);
        assertThat(second.traces).isEqualTo(first.traces);
        assertThat(whole.abandonedExecutions()).isEqualTo(plain.abandonedExecutions());
    }
}
