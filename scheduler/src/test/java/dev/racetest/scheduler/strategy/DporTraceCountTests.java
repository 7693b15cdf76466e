package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.NoRaces;
import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.Explorer;
import dev.racetest.scheduler.StrategyKind;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DPOR explores exactly one complete execution per Mazurkiewicz trace, on programs whose trace count
 * is derived by hand ({@link ExhaustivePrograms}, {@link TraceCounts}).
 */
@Timeout(120)
class DporTraceCountTests {

    private static final ExplorationSettings SETTINGS = NoRaces.settings()
            .withStrategy(StrategyKind.DPOR).withMaxExecutions(10_000).withTimeBudget(Duration.ofSeconds(60))
            .withSpuriousWakeups(0);

    static List<TraceCounts.Known> programs() {
        return TraceCounts.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void explorerRunsOneExecutionPerTrace(TraceCounts.Known program) {
        ExplorationResult result = Explorer.explore(SETTINGS, program.body());

        assertThat(result.failure()).isEmpty();
        assertThat(result.stopReason()).isEqualTo(ExplorationResult.StopReason.EXHAUSTED);
        assertThat(result.distinctInterleavings()).isEqualTo(program.traces());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void everyCountedExecutionIsAnotherTrace(TraceCounts.Known program) {
        DporStrategy dpor = new DporStrategy(ExplorationSettings.DEFAULT_SEED);

        ExhaustiveRun run = ExhaustiveRun.of(dpor, program.body());

        assertThat(dpor.isComplete()).isTrue();
        assertThat(dpor.completeExecutions()).isEqualTo(program.traces());
        assertThat(dpor.uncountedExecutions()).isZero();
        assertThat(run.traces).hasSize(program.traces());
        assertThat(run.executions).isEqualTo(dpor.completeExecutions() + dpor.abandonedExecutions());
        System.out.printf("%-28s %3d traces: %d complete, %d abandoned%n", program.name(), program.traces(),
                dpor.completeExecutions(), dpor.abandonedExecutions());
    }
}
