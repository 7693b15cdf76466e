package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.NoRaces;
import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.StrategyKind;

import org.junit.jupiter.api.Test;

class ExhaustiveStrategyKindsTests {

    @Test
    void dfsAndDporAreConfigurableByName() {
        assertThat(StrategyKind.fromConfigName("dfs")).isEqualTo(StrategyKind.DFS);
        assertThat(StrategyKind.fromConfigName(" DPOR ")).isEqualTo(StrategyKind.DPOR);
        ExplorationSettings settings = NoRaces.settings();
        assertThat(Strategies.create(settings.withStrategy(StrategyKind.DFS))).isInstanceOf(DfsStrategy.class);
        assertThat(Strategies.create(settings.withStrategy(StrategyKind.DPOR))).isInstanceOf(DporStrategy.class);
    }
}
