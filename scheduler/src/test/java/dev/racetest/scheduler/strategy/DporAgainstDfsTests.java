package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.NoRaces;
import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.Explorer;
import dev.racetest.scheduler.StrategyKind;
import dev.racetest.scheduler.TestBody;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DFS runs every path of the decision tree, so the set of traces it sees is the truth: DPOR must see
 * the same set (soundness) with one execution each, and fail on the same traces.
 */
@Timeout(300)
class DporAgainstDfsTests {

    static List<Named<TestBody>> correctPrograms() {
        return List.of(
                Named.of("3 writers of x", ExhaustivePrograms.sharedWriters(3)),
                Named.of("two writes each", ExhaustivePrograms.twoWritesEach()),
                Named.of("3 locked writers", ExhaustivePrograms.lockedWriters(3)),
                Named.of("crossed read/write", ExhaustivePrograms.crossedReadWrite()),
                Named.of("racy increments", ExhaustivePrograms.racyIncrements()),
                Named.of("join then read", ExhaustivePrograms.joinThenRead()),
                Named.of("guarded wait", ExhaustivePrograms.guardedWait()),
                Named.of("notifying sections beside one", ExhaustivePrograms.notifyingSectionsBesideOne()),
                Named.of("lock then outside", ExhaustivePrograms.lockThenOutside()),
                Named.of("nested threads", ExhaustivePrograms.nestedThreads()),
                Named.of("two waiters, two notifies", ExhaustivePrograms.twoWaitersTwoNotifies()));
    }

    static List<Named<TestBody>> buggyPrograms() {
        return List.of(
                Named.of("lost update", ExhaustivePrograms.lostUpdate()),
                Named.of("lock-order deadlock", ExhaustivePrograms.lockOrderDeadlock()),
                Named.of("missed notify", ExhaustivePrograms.missedNotify()),
                Named.of("check then act", ExhaustivePrograms.doubleWinner()),
                Named.of("notify wakes the wrong waiter", ExhaustivePrograms.notifyWakesWrongWaiter()),
                Named.of("write inside a static initialiser", ExhaustivePrograms.writeInsideInitialiser()));
    }

    @ParameterizedTest
    @MethodSource({"correctPrograms", "buggyPrograms"})
    void dporSeesExactlyTheTracesDfsSees(TestBody program) {
        DfsStrategy dfs = new DfsStrategy(1);
        DporStrategy dpor = new DporStrategy(1);

        ExhaustiveRun all = ExhaustiveRun.of(dfs, program);
        ExhaustiveRun reduced = ExhaustiveRun.of(dpor, program);

        assertThat(dfs.isComplete()).isTrue();
        assertThat(dpor.isComplete()).isTrue();
        assertThat(reduced.traces).isEqualTo(all.traces);
        assertThat(reduced.failingTraces).isEqualTo(all.failingTraces);
        assertThat(dpor.completeExecutions()).isEqualTo(all.traces.size());
        assertThat(dfs.completeExecutions()).isGreaterThanOrEqualTo(dpor.completeExecutions());
        System.out.printf("DFS %d executions, DPOR %d (+%d abandoned), %d traces, %d failing%n", all.executions,
                dpor.completeExecutions(), dpor.abandonedExecutions(), all.traces.size(), all.failingTraces.size());
    }

    @Test
    void aStepThatRanAStaticInitialiserConflictsWithEverything() {
        DporStrategy dpor = new DporStrategy(1);

        ExhaustiveRun run = ExhaustiveRun.of(dpor, ExhaustivePrograms.writeInsideInitialiser());

        // T1's step "read y" also wrote x inside the initialiser: it is ordered against T2's read of x.
        assertThat(dpor.completeExecutions()).isEqualTo(2);
        assertThat(run.failingTraces).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("buggyPrograms")
    void bothFindTheBugThroughTheExplorer(TestBody program) {
        ExplorationSettings settings = NoRaces.settings().withMaxExecutions(100_000)
                .withTimeBudget(Duration.ofSeconds(60)).withSpuriousWakeups(0);

        ExplorationResult dfs = Explorer.explore(settings.withStrategy(StrategyKind.DFS), program);
        ExplorationResult dpor = Explorer.explore(settings.withStrategy(StrategyKind.DPOR), program);

        assertThat(dfs.stopReason()).isEqualTo(ExplorationResult.StopReason.FAILURE_FOUND);
        assertThat(dpor.stopReason()).isEqualTo(ExplorationResult.StopReason.FAILURE_FOUND);
        assertThat(dpor.failure().orElseThrow().replayNote()).isNull();
        assertThat(dpor.failure().orElseThrow().outcome().getClass())
                .isEqualTo(dfs.failure().orElseThrow().outcome().getClass());
    }
}
