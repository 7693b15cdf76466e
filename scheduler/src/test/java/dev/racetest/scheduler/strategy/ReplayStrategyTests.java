package dev.racetest.scheduler.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.ReplayDivergedException;
import dev.racetest.scheduler.Schedule;

import org.junit.jupiter.api.Test;

class ReplayStrategyTests {

    /** A decision among the given thread ids, as the runtime would show it. */
    private record FixedChoice(int decisionIndex, int... ids) implements Choice {
        @Override
        public int size() {
            return ids.length;
        }

        @Override
        public int threadId(int position) {
            return ids[position];
        }

        @Override
        public SyncSite pendingSite(int position) {
            return null;
        }

        @Override
        public int previousThreadId() {
            return -1;
        }
    }

    @Test
    void followsTheScheduleByThreadIdNotByPosition() {
        ReplayStrategy replay = new ReplayStrategy(new Schedule(9, new int[] {2, 0}));

        assertThat(replay.beginExecution(0)).isTrue();
        assertThat(replay.choose(new FixedChoice(0, 0, 1, 2))).isEqualTo(2);
        assertThat(replay.choose(new FixedChoice(1, 0, 2))).isZero();
        assertThat(replay.executionSeed()).isEqualTo(9);
        assertThat(replay.beginExecution(1)).isFalse();
    }

    @Test
    void saysWhichThreadWasMissing() {
        ReplayStrategy replay = new ReplayStrategy(new Schedule(9, new int[] {2}));
        replay.beginExecution(0);

        assertThatThrownBy(() -> replay.choose(new FixedChoice(0, 0, 1)))
                .isInstanceOf(ReplayDivergedException.class)
                .hasMessage("the schedule runs T2 next, but only T0, T1 can run; the code under test changed or behaves nondeterministically");
    }

    @Test
    void saysWhenTheProgramAsksForMoreDecisions() {
        ReplayStrategy replay = new ReplayStrategy(new Schedule(9, new int[] {1}));
        replay.beginExecution(0);

        assertThatThrownBy(() -> replay.choose(new FixedChoice(1, 0, 1)))
                .hasMessage("the schedule has 1 decisions but the program asked for more");
    }

    @Test
    void randomWalkIsAFunctionOfSeedAndIndex() {
        RandomWalkStrategy first = new RandomWalkStrategy(5);
        RandomWalkStrategy second = new RandomWalkStrategy(5);
        first.beginExecution(3);
        second.beginExecution(3);
        for (int decision = 0; decision < 50; decision++) {
            FixedChoice choice = new FixedChoice(decision, 0, 1, 2, 3);
            assertThat(first.choose(choice)).isEqualTo(second.choose(choice));
        }
        assertThat(first.executionSeed()).isEqualTo(second.executionSeed());
        first.beginExecution(4);
        assertThat(first.executionSeed()).isNotEqualTo(second.executionSeed());
    }
}
