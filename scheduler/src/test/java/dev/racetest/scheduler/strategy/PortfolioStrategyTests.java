package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.NoRaces;
import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.Seeds;
import dev.racetest.scheduler.Strategy;
import dev.racetest.scheduler.StrategyKind;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PortfolioStrategyTests {

    @Test
    void rotatesItsStrategiesByExecutionIndexEachSeededAsAnyStrategyIs() {
        PortfolioStrategy portfolio = new PortfolioStrategy(21);
        List<String> rotation = new ArrayList<>();
        for (int index = 0; index < 12; index++) {
            assertThat(portfolio.beginExecution(index)).isTrue();
            Strategy current = portfolio.current();
            rotation.add(current.getClass().getSimpleName());
            assertThat(portfolio.executionSeed()).isEqualTo(Seeds.executionSeed(21, index));
            assertThat(portfolio.observesSteps()).isEqualTo(current.observesSteps());
        }
        List<String> once = List.of("RandomWalkStrategy", "SurwStrategy", "PosStrategy", "SurwStrategy",
                "PctStrategy", "PctStrategy");
        List<String> twice = new ArrayList<>(once);
        twice.addAll(once);
        assertThat(rotation).isEqualTo(twice);
    }

    @Test
    void sameSeedGivesTheSameChoicesAndEachStrategyKeepsItsOwnState() {
        PortfolioStrategy a = new PortfolioStrategy(3);
        PortfolioStrategy b = new PortfolioStrategy(3);
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        for (int index = 0; index < 18; index++) {
            a.beginExecution(index);
            b.beginExecution(index);
            for (int decision = 0; decision < 10 + index; decision++) {
                FakeChoice choice = FakeChoice.of(decision, 0, 1, 2);
                int fromA = a.choose(choice);
                int fromB = b.choose(choice);
                if (a.observesSteps()) {
                    a.stepTaken(choice, fromA);
                    b.stepTaken(choice, fromB);
                }
                first.add(fromA);
                second.add(fromB);
            }
        }
        assertThat(second).isEqualTo(first);
        assertThat(first).contains(0, 1, 2);
    }

    @Test
    void everyStrategyHasAConfigurationNameAndIsBuiltByStrategies() {
        assertThat(StrategyKind.fromConfigName("pct")).isEqualTo(StrategyKind.PCT);
        assertThat(StrategyKind.fromConfigName(" POS ")).isEqualTo(StrategyKind.POS);
        assertThat(StrategyKind.fromConfigName("surw")).isEqualTo(StrategyKind.SURW);
        assertThat(StrategyKind.fromConfigName("portfolio")).isEqualTo(StrategyKind.PORTFOLIO);
        assertThat(StrategyKind.fromConfigName("random")).isEqualTo(StrategyKind.RANDOM);

        ExplorationSettings settings = NoRaces.settings();
        assertThat(Strategies.create(settings.withStrategy(StrategyKind.PCT))).isInstanceOf(PctStrategy.class);
        assertThat(Strategies.create(settings.withStrategy(StrategyKind.POS))).isInstanceOf(PosStrategy.class);
        assertThat(Strategies.create(settings.withStrategy(StrategyKind.SURW))).isInstanceOf(SurwStrategy.class);
        assertThat(Strategies.create(settings.withStrategy(StrategyKind.PORTFOLIO))).isInstanceOf(PortfolioStrategy.class);
        assertThat(Strategies.create(settings.withStrategy(StrategyKind.RANDOM))).isInstanceOf(RandomWalkStrategy.class);
    }
}
