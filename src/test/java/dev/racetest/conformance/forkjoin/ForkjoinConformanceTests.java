package dev.racetest.conformance.forkjoin;

import static dev.racetest.conformance.Conformance.assertPassesEveryExecution;
import static dev.racetest.conformance.Conformance.assertReplayReproduces;
import static dev.racetest.conformance.Conformance.failureOf;
import static dev.racetest.conformance.Conformance.sourceLine;
import static dev.racetest.conformance.Conformance.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ForkJoinPool.commonPool()} with {@code RecursiveTask} and {@code RecursiveAction}. */
@Timeout(180)
class ForkjoinConformanceTests {

    @Test
    void recursiveSumOverTheCommonPoolPasses() {
        assertPassesEveryExecution(RecursiveSumFixture.class);
    }

    @Test
    void plainCounterInForkedSubtasksLosesALeaf() {
        String report = failureOf(LeafCounterRaceFixture.class);
        assertThat(verdict(report)).matches("java\\.lang\\.AssertionError in thread main: counted [123] of 4 leaves");
        assertThat(report).contains(sourceLine(LeafCounterRaceFixture.class, "assert"));
        assertReplayReproduces(LeafCounterRaceFixture.class, report);
    }

    @Test
    void forkWithoutJoinReturnsBeforeTheHalvesFinish() {
        String report = failureOf(ForkWithoutJoinFixture.class);
        assertThat(verdict(report)).matches("java\\.lang\\.AssertionError in thread main: filled [01] of 2 slots after invoke");
        assertThat(report).contains(sourceLine(ForkWithoutJoinFixture.class, "assert"));
        assertReplayReproduces(ForkWithoutJoinFixture.class, report);
    }
}
