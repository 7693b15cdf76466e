package dev.racetest.scheduler.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.scheduler.Shard;
import dev.racetest.scheduler.TestBody;

import java.util.List;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A preemption bound explores a growing subset of the traces as it grows, and finds shallow bugs. */
@Timeout(300)
class PreemptionBoundTests {

    static List<Named<TestBody>> programs() {
        return List.of(
                Named.of("4 writers of x", ExhaustivePrograms.sharedWriters(4)),
                Named.of("check then act", ExhaustivePrograms.doubleWinner()),
                Named.of("3 locked writers", ExhaustivePrograms.lockedWriters(3)),
                Named.of("two waiters, two notifies", ExhaustivePrograms.twoWaitersTwoNotifies()));
    }

    @ParameterizedTest
    @MethodSource("programs")
    void tracesGrowWithTheBoundToTheUnboundedSet(TestBody program) {
        ExhaustiveRun unbounded = ExhaustiveRun.of(new DporStrategy(5), program);
        ExhaustiveRun previous = null;
        StringBuilder counts = new StringBuilder();
        for (int bound = 1; bound <= 6; bound++) {
            DporStrategy dpor = new DporStrategy(5, bound, Shard.WHOLE);
            ExhaustiveRun run = ExhaustiveRun.of(dpor, program);
            counts.append(" bound ").append(bound).append(": ").append(run.traces.size());
            assertThat(unbounded.traces).containsAll(run.traces);
            if (previous != null) {
                assertThat(run.traces.size()).isGreaterThanOrEqualTo(previous.traces.size());
            }
            previous = run;
        }
        System.out.println("traces" + counts + ", unbounded: " + unbounded.traces.size());
        assertThat(previous.traces).isEqualTo(unbounded.traces);
    }

    static List<Named<TestBody>> smallPrograms() {
        return List.of(
                Named.of("lost update", ExhaustivePrograms.lostUpdate()),
                Named.of("check then act", ExhaustivePrograms.doubleWinner()),
                Named.of("crossed read/write", ExhaustivePrograms.crossedReadWrite()),
                Named.of("lock-order deadlock", ExhaustivePrograms.lockOrderDeadlock()),
                Named.of("guarded wait", ExhaustivePrograms.guardedWait()));
    }

    @ParameterizedTest
    @MethodSource("smallPrograms")
    void boundedDporReachesTheTracesBoundedDfsReaches(TestBody program) {
        for (int bound = 1; bound <= 2; bound++) {
            ExhaustiveRun dfs = ExhaustiveRun.of(new DfsStrategy(5, bound, Shard.WHOLE), program);
            ExhaustiveRun dpor = ExhaustiveRun.of(new DporStrategy(5, bound, Shard.WHOLE), program);

            assertThat(dpor.traces).as("bound %d", bound).isEqualTo(dfs.traces);
            assertThat(dpor.failingTraces).as("bound %d", bound).isEqualTo(dfs.failingTraces);
            assertThat(dpor.executions).as("bound %d", bound).isLessThanOrEqualTo(dfs.executions);
        }
    }

    @Test
    void aLostUpdateNeedsOnePreemption() {
        // The update is lost only when a thread is switched out between its read and its write.
        ExhaustiveRun dporBoundOne = ExhaustiveRun.of(new DporStrategy(5, 1, Shard.WHOLE), ExhaustivePrograms.lostUpdate());
        ExhaustiveRun dfsBoundOne = ExhaustiveRun.of(new DfsStrategy(5, 1, Shard.WHOLE), ExhaustivePrograms.lostUpdate());

        assertThat(dporBoundOne.failingTraces).isNotEmpty();
        assertThat(dfsBoundOne.failingTraces).isEqualTo(dporBoundOne.failingTraces);
    }

    @Test
    void dfsUnderABoundRunsFewerPaths() {
        DfsStrategy bounded = new DfsStrategy(5, 1, Shard.WHOLE);
        DfsStrategy unbounded = new DfsStrategy(5);

        ExhaustiveRun.of(bounded, ExhaustivePrograms.twoWritesEach());
        ExhaustiveRun.of(unbounded, ExhaustivePrograms.twoWritesEach());

        assertThat(bounded.completeExecutions()).isLessThan(unbounded.completeExecutions());
    }
}
