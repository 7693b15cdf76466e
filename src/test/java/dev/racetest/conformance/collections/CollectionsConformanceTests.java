package dev.racetest.conformance.collections;

import static dev.racetest.conformance.Conformance.assertPassesEveryExecution;
import static dev.racetest.conformance.Conformance.assertReplayReproduces;
import static dev.racetest.conformance.Conformance.failureOf;
import static dev.racetest.conformance.Conformance.sourceLine;
import static dev.racetest.conformance.Conformance.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The concurrent collections: {@code ConcurrentHashMap}, {@code ConcurrentLinkedQueue/Deque},
 * {@code ConcurrentSkipListMap/Set} and {@code CopyOnWriteArrayList/Set}. Each call is atomic; the
 * must-fail programs combine two calls as if the pair were.
 */
@Timeout(180)
class CollectionsConformanceTests {

    @Test
    void getThenPutLosesAHit() {
        String report = failureOf(GetThenPutCounterFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: counted 1 of 2 hits");
        assertThat(report).contains(sourceLine(GetThenPutCounterFixture.class, "assert"));
        assertReplayReproduces(GetThenPutCounterFixture.class, report);
    }

    @Test
    void containsKeyThenPutCreatesTwice() {
        String report = failureOf(ContainsThenPutCreatesTwiceFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: created 2 sessions for one user");
        assertThat(report).contains(sourceLine(ContainsThenPutCreatesTwiceFixture.class, "assert"));
        assertReplayReproduces(ContainsThenPutCreatesTwiceFixture.class, report);
    }

    @Test
    void mergeAndComputePass() {
        assertPassesEveryExecution(MergeAndComputeFixture.class);
    }

    @Test
    void isEmptyThenRemoveOnAConcurrentQueueThrows() {
        String report = failureOf(CheckThenRemoveConcurrentQueueFixture.class);
        assertThat(verdict(report)).isEqualTo("java.util.NoSuchElementException in thread main");
        assertThat(report).contains(sourceLine(CheckThenRemoveConcurrentQueueFixture.class, "remove"));
        assertReplayReproduces(CheckThenRemoveConcurrentQueueFixture.class, report);
    }

    @Test
    void peekLastThenPollLastRemovesAnotherElement() {
        String report = failureOf(PeekLastThenPollLastFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: removed event instead of the marker");
        assertThat(report).contains(sourceLine(PeekLastThenPollLastFixture.class, "assert"));
        assertReplayReproduces(PeekLastThenPollLastFixture.class, report);
    }

    @Test
    void concurrentQueueAndDequePass() {
        assertPassesEveryExecution(ConcurrentQueueAndDequeFixture.class);
    }

    @Test
    void firstKeyThenRemoveLosesToAnotherConsumer() {
        String report = failureOf(FirstKeyThenRemoveFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: entry 1 was taken between firstKey and remove");
        assertThat(report).contains(sourceLine(FirstKeyThenRemoveFixture.class, "assert"));
        assertReplayReproduces(FirstKeyThenRemoveFixture.class, report);
    }

    @Test
    void skipListPollFirstAndSortedSetPass() {
        assertPassesEveryExecution(SkipListPollFirstFixture.class);
    }

    @Test
    void containsThenAddRegistersAListenerTwice() {
        String report = failureOf(ContainsThenAddListenerFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: listeners [audit, audit]");
        assertThat(report).contains(sourceLine(ContainsThenAddListenerFixture.class, "assert"));
        assertReplayReproduces(ContainsThenAddListenerFixture.class, report);
    }

    @Test
    void addIfAbsentAndSnapshotIterationPass() {
        assertPassesEveryExecution(CopyOnWriteSnapshotFixture.class);
    }

    @Test
    void checkThenPutOnASynchronizedMapRegistersTwice() {
        String report = failureOf(SynchronizedMapCheckThenPutFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: registered 2 owners for one user");
        assertThat(report).contains(sourceLine(SynchronizedMapCheckThenPutFixture.class, "assert"));
        assertReplayReproduces(SynchronizedMapCheckThenPutFixture.class, report);
    }

    @Test
    void containsThenAddOnAVectorAddsTwice() {
        String report = failureOf(VectorContainsThenAddFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: listed [ada, ada] for one user");
        assertThat(report).contains(sourceLine(VectorContainsThenAddFixture.class, "assert"));
        assertReplayReproduces(VectorContainsThenAddFixture.class, report);
    }

    @Test
    void checkThenActGuardedByTheCollectionsMonitorPasses() {
        assertPassesEveryExecution(SynchronizedMapGuardedFixture.class);
    }
}
