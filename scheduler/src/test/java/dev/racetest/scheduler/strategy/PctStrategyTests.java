package dev.racetest.scheduler.strategy;

import static dev.racetest.scheduler.strategy.ScriptedChoice.Candidate.runs;
import static dev.racetest.scheduler.strategy.ScriptedChoice.Candidate.timesOut;
import static dev.racetest.scheduler.strategy.ScriptedChoice.Candidate.yields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.racetest.scheduler.Seeds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class PctStrategyTests {

    /** Runs {@code decisions} decisions among threads 0, 1, 2 (previous step: nobody) and returns the threads chosen. */
    private static List<Integer> runAmongThree(PctStrategy pct, int decisions) {
        List<Integer> chosen = new ArrayList<>();
        for (int decision = 0; decision < decisions; decision++) {
            chosen.add(pct.choose(ScriptedChoice.of(decision, -1, runs(0), runs(1), runs(2))));
        }
        return chosen;
    }

    @Test
    void sameSeedAndIndexGiveTheSameSchedule() {
        List<List<Integer>> first = new ArrayList<>();
        List<List<Integer>> second = new ArrayList<>();
        List<List<Integer>> otherSeed = new ArrayList<>();
        PctStrategy a = new PctStrategy(7, 3);
        PctStrategy b = new PctStrategy(7, 3);
        PctStrategy c = new PctStrategy(8, 3);
        for (int index = 0; index < 10; index++) {
            a.beginExecution(index);
            b.beginExecution(index);
            c.beginExecution(index);
            first.add(runAmongThree(a, 30));
            second.add(runAmongThree(b, 30));
            otherSeed.add(runAmongThree(c, 30));
        }
        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(a.executionSeed()).isEqualTo(Seeds.executionSeed(7, 9));
    }

    @Test
    void runsTheHighestPriorityCandidateAndPrioritiesAreDistinctAndAtLeastTheDepth() {
        PctStrategy pct = new PctStrategy(11, 2);
        pct.beginExecution(0);
        int[][] candidateSets = {{0, 1}, {0, 1, 2}, {1, 2}, {0, 2}, {2, 3}, {0, 1, 2, 3}};
        for (int[] set : candidateSets) {
            ScriptedChoice.Candidate[] candidates = Arrays.stream(set).mapToObj(ScriptedChoice.Candidate::runs)
                    .toArray(ScriptedChoice.Candidate[]::new);
            int position = pct.choose(ScriptedChoice.of(0, -1, candidates));
            for (int thread : set) {
                assertThat(pct.priorityOf(set[position])).isGreaterThanOrEqualTo(pct.priorityOf(thread));
            }
        }
        long[] priorities = {pct.priorityOf(0), pct.priorityOf(1), pct.priorityOf(2), pct.priorityOf(3)};
        assertThat(priorities).doesNotHaveDuplicates();
        assertThat(Arrays.stream(priorities).min().orElseThrow()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theThreadChosenAtEachChangePointDropsBelowEveryInitialPriority() {
        for (int index = 0; index < 20; index++) {
            PctStrategy pct = new PctStrategy(3, 3);
            pct.beginExecution(index);
            int[] points = pct.changePoints();
            assertThat(points).hasSize(2).doesNotHaveDuplicates();
            assertThat(Arrays.stream(points).boxed().toList())
                    .allSatisfy(point -> assertThat(point).isBetween(1, LengthEstimate.INITIAL_GUESS));
            List<Integer> chosen = new ArrayList<>();
            for (int decision = 1; decision <= LengthEstimate.INITIAL_GUESS; decision++) {
                chosen.add(pct.choose(ScriptedChoice.of(decision - 1, -1, runs(0), runs(1), runs(2))));
                for (int label = 0; label < points.length; label++) {
                    if (points[label] == decision) {
                        assertThat(pct.priorityOf(chosen.getLast())).isEqualTo(label);
                    }
                }
            }
            // The thread running changes right after each change point, and nowhere else.
            TreeSet<Integer> switches = new TreeSet<>();
            for (int decision = 1; decision < chosen.size(); decision++) {
                if (!chosen.get(decision).equals(chosen.get(decision - 1))) {
                    switches.add(decision); // 1-based number of the decision before the switch
                }
            }
            TreeSet<Integer> expected = new TreeSet<>();
            for (int point : points) {
                if (point < LengthEstimate.INITIAL_GUESS) {
                    expected.add(point);
                }
            }
            assertThat(switches).as("execution %d, change points %s", index, Arrays.toString(points)).isEqualTo(expected);
        }
    }

    @Test
    void changePointsFallWithinTheLongestExecutionSeenSoFar() {
        PctStrategy pct = new PctStrategy(5, 3);
        TreeSet<Integer> drawn = new TreeSet<>();
        for (int index = 0; index < 200; index++) {
            pct.beginExecution(index);
            if (index > 0) {
                for (int point : pct.changePoints()) {
                    drawn.add(point);
                }
            }
            runAmongThree(pct, index == 0 ? 6 : 4); // the first execution was the longest: 6 decisions
        }
        assertThat(drawn).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void aThreadAboutToYieldGoesBelowEveryOther() {
        PctStrategy pct = new PctStrategy(1, 1);
        pct.beginExecution(0);
        int top = pct.choose(ScriptedChoice.of(0, -1, runs(0), runs(1)));
        int other = 1 - top;
        ScriptedChoice yielding = top == 0
                ? ScriptedChoice.of(1, -1, yields(0), runs(1))
                : ScriptedChoice.of(1, -1, runs(0), yields(1));

        assertThat(pct.choose(yielding)).isEqualTo(other);
        assertThat(pct.priorityOf(top)).isNegative();
        assertThat(pct.choose(ScriptedChoice.of(2, -1, runs(0), runs(1)))).isEqualTo(other);
        // Yielding with nobody else to run changes nothing.
        assertThat(pct.choose(ScriptedChoice.of(3, -1, yields(other), timesOut(top)))).isZero();
    }

    @Test
    void aThreadThatKeepsWinningIsTakenForASpinnerAfterTheStreak() {
        PctStrategy pct = new PctStrategy(1, 1);
        pct.beginExecution(0);
        int top = pct.choose(ScriptedChoice.of(0, -1, runs(0), runs(1)));
        for (int decision = 1; decision < PctStrategy.SPIN_STREAK; decision++) {
            assertThat(pct.choose(ScriptedChoice.of(decision, top, runs(0), runs(1)))).isEqualTo(top);
        }
        assertThat(pct.choose(ScriptedChoice.of(PctStrategy.SPIN_STREAK, top, runs(0), runs(1)))).isEqualTo(1 - top);
    }

    @Test
    void afterTheBudgetTheRestOfTheExecutionIsARandomWalk() {
        PctStrategy pct = new PctStrategy(2, 1);
        pct.beginExecution(0);
        int budget = 4 * LengthEstimate.INITIAL_GUESS + PctStrategy.BUDGET_SLACK;
        List<Integer> chosen = new ArrayList<>();
        for (int decision = 0; decision < budget + 200; decision++) {
            chosen.add(pct.choose(ScriptedChoice.of(decision, -1, runs(0), runs(1))));
        }
        assertThat(chosen.subList(0, budget)).containsOnly(chosen.getFirst());
        assertThat(chosen.subList(budget, budget + 200)).contains(0, 1);
    }

    @Test
    void timeoutsExpireAtTheWaitEndingRateWhateverThePriorities() {
        PctStrategy pct = new PctStrategy(4, 1);
        int total = 0;
        int most = 0;
        for (int index = 0; index < 50; index++) {
            pct.beginExecution(index);
            int expired = 0;
            for (int decision = 0; decision < LengthEstimate.INITIAL_GUESS; decision++) {
                if (pct.choose(ScriptedChoice.of(decision, -1, runs(0), runs(1), timesOut(2))) == 2) {
                    expired++;
                }
            }
            total += expired;
            most = Math.max(most, expired);
        }
        // WaitEndings takes an offered ending with probability 1/2 * 1/k + 1/2 * 1/(r+1) = 1/200 + 1/6 per
        // decision here (k = 100 expected decisions, r = 2 threads that could run): about 17 of 100. By
        // priority instead, the waiting thread would win all 100 decisions in a third of the executions.
        assertThat(total).isBetween(50 * 12, 50 * 23);
        assertThat(most).isLessThan(40);
    }

    @Test
    void aNotifyWakesAnyWaiterUniformly() {
        PctStrategy pct = new PctStrategy(6, 3);
        int[] woken = new int[3];
        for (int index = 0; index < 3_000; index++) {
            pct.beginExecution(index);
            woken[pct.choose(ScriptedChoice.notifyWaiter(1, 2, 3))]++;
        }
        assertThat(Arrays.stream(woken).boxed().toList()).allSatisfy(count -> assertThat(count).isBetween(900, 1_100));
    }

    @Test
    void depthMustBeAtLeastOne() {
        assertThatThrownBy(() -> new PctStrategy(1, 0)).hasMessage("depth must be at least 1, but was 0");
    }
}
