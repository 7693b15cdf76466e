package dev.racetest.scheduler.strategy;

import static dev.racetest.scheduler.strategy.ScriptedChoice.Candidate.accesses;
import static dev.racetest.scheduler.strategy.ScriptedChoice.Candidate.runs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.scheduler.Operation.Access;
import dev.racetest.scheduler.Seeds;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PosStrategyTests {

    private static final long X = 2L << 32;
    private static final long Y = 3L << 32;

    /** T0 writes x, T1 reads x, T2 reads y: only T0 and T1 conflict. */
    private static ScriptedChoice race(int decision, int previous) {
        return ScriptedChoice.of(decision, previous,
                accesses(0, Access.WRITE, X), accesses(1, Access.READ, X), accesses(2, Access.READ, Y));
    }

    private static List<Integer> run(PosStrategy pos, int decisions) {
        List<Integer> chosen = new ArrayList<>();
        int previous = -1;
        for (int decision = 0; decision < decisions; decision++) {
            ScriptedChoice choice = race(decision, previous);
            int position = pos.choose(choice);
            pos.stepTaken(choice, position);
            chosen.add(position);
            previous = choice.threadId(position);
        }
        return chosen;
    }

    @Test
    void sameSeedAndIndexGiveTheSameSchedule() {
        PosStrategy a = new PosStrategy(9);
        PosStrategy b = new PosStrategy(9);
        PosStrategy c = new PosStrategy(10);
        List<List<Integer>> first = new ArrayList<>();
        List<List<Integer>> second = new ArrayList<>();
        List<List<Integer>> otherSeed = new ArrayList<>();
        for (int index = 0; index < 10; index++) {
            a.beginExecution(index);
            b.beginExecution(index);
            c.beginExecution(index);
            first.add(run(a, 20));
            second.add(run(b, 20));
            otherSeed.add(run(c, 20));
        }
        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(a.observesSteps()).isTrue();
        assertThat(a.executionSeed()).isEqualTo(Seeds.executionSeed(9, 9));
    }

    @Test
    void runsTheCandidateWithTheHighestPriority() {
        PosStrategy pos = new PosStrategy(1);
        for (int index = 0; index < 20; index++) {
            pos.beginExecution(index);
            int chosen = pos.choose(race(0, -1));
            for (int thread = 0; thread < 3; thread++) {
                assertThat(pos.currentPriority(chosen)).isGreaterThanOrEqualTo(pos.currentPriority(thread));
            }
        }
    }

    @Test
    void aStepRedrawsItsOwnThreadAndTheCandidatesItConflictsWith() {
        PosStrategy pos = new PosStrategy(3);
        pos.beginExecution(0);
        ScriptedChoice choice = race(0, -1);
        pos.choose(choice); // draws all three
        double untouched = pos.currentPriority(2);
        assertThat(untouched).isNotNegative();

        pos.stepTaken(choice, 0); // T0 writes x: T1's read of x races with it, T2's read of y does not

        assertThat(pos.currentPriority(0)).isEqualTo(-1);
        assertThat(pos.currentPriority(1)).isEqualTo(-1);
        assertThat(pos.currentPriority(2)).isEqualTo(untouched);

        pos.choose(choice);
        double t0 = pos.currentPriority(0);
        double t1 = pos.currentPriority(1);
        pos.stepTaken(choice, 2); // T2 reads y: conflicts with nobody
        assertThat(pos.currentPriority(2)).isEqualTo(-1);
        assertThat(pos.currentPriority(0)).isEqualTo(t0);
        assertThat(pos.currentPriority(1)).isEqualTo(t1);
    }

    @Test
    void readsOfTheSameLocationDoNotRedrawEachOther() {
        PosStrategy pos = new PosStrategy(4);
        pos.beginExecution(0);
        ScriptedChoice reads = ScriptedChoice.of(0, -1, accesses(0, Access.READ, X), accesses(1, Access.READ, X));
        pos.choose(reads);
        double t1 = pos.currentPriority(1);
        pos.stepTaken(reads, 0);
        assertThat(pos.currentPriority(1)).isEqualTo(t1);
    }

    @Test
    void aStepThatRanAStaticInitialiserRedrawsEveryCandidate() {
        PosStrategy pos = new PosStrategy(5);
        pos.beginExecution(0);
        ScriptedChoice before = ScriptedChoice.of(0, -1, runs(0), runs(1), runs(2));
        pos.choose(before);
        pos.stepTaken(before, 0);
        // The step T0 just took ran 3 steps of a static initialiser: it touched more than "nothing".
        ScriptedChoice after = new ScriptedChoice(before.decision(), 1, 0, 3, before.candidates());
        pos.choose(after);
        pos.stepTaken(after, 1);

        assertThat(pos.currentPriority(0)).isEqualTo(-1);
        assertThat(pos.currentPriority(2)).isEqualTo(-1);
    }
}
