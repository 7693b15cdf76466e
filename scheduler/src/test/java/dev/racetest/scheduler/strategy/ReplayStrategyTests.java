package dev.racetest.scheduler.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.racetest.scheduler.ReplayDivergedException;
import dev.racetest.scheduler.Schedule;

import org.junit.jupiter.api.Test;

class ReplayStrategyTests {

    @Test
    void followsTheScheduleByThreadIdNotByPosition() {
        ReplayStrategy replay = new ReplayStrategy(new Schedule(9, new int[] {2, 0}));

        assertThat(replay.beginExecution(0)).isTrue();
        assertThat(replay.choose(FakeChoice.of(0, 0, 1, 2))).isEqualTo(2);
        assertThat(replay.choose(FakeChoice.of(1, 0, 2))).isZero();
        assertThat(replay.executionSeed()).isEqualTo(9);
        assertThat(replay.beginExecution(1)).isFalse();
    }

    @Test
    void saysWhichThreadWasMissing() {
        ReplayStrategy replay = new ReplayStrategy(new Schedule(9, new int[] {2}));
        replay.beginExecution(0);

        assertThatThrownBy(() -> replay.choose(FakeChoice.of(0, 0, 1)))
                .isInstanceOf(ReplayDivergedException.class)
                .hasMessage("at step 1 the schedule runs T2 next, but only T0, T1 can run; the code under test changed or"
                        + " behaves nondeterministically");
    }

    @Test
    void saysWhenTheProgramAsksForMoreDecisions() {
        ReplayStrategy replay = new ReplayStrategy(new Schedule(9, new int[] {1}));
        replay.beginExecution(0);

        assertThatThrownBy(() -> replay.choose(FakeChoice.of(1, 0, 1)))
                .hasMessage("at step 2 the program asked for decision 2 but the schedule has only 1; the code under test"
                        + " now makes more scheduling decisions than when the schedule was recorded");
    }

    @Test
    void randomWalkIsAFunctionOfSeedAndIndex() {
        RandomWalkStrategy first = new RandomWalkStrategy(5);
        RandomWalkStrategy second = new RandomWalkStrategy(5);
        first.beginExecution(3);
        second.beginExecution(3);
        for (int decision = 0; decision < 50; decision++) {
            FakeChoice choice = FakeChoice.of(decision, 0, 1, 2, 3);
            assertThat(first.choose(choice)).isEqualTo(second.choose(choice));
        }
        assertThat(first.executionSeed()).isEqualTo(second.executionSeed());
        first.beginExecution(4);
        assertThat(first.executionSeed()).isNotEqualTo(second.executionSeed());
    }
}
