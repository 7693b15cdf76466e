package dev.racetest.conformance.atomics;

import static dev.racetest.conformance.Conformance.assertPassesEveryExecution;
import static dev.racetest.conformance.Conformance.assertReplayReproduces;
import static dev.racetest.conformance.Conformance.failureOf;
import static dev.racetest.conformance.Conformance.sourceLine;
import static dev.racetest.conformance.Conformance.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Atomics: {@code AtomicInteger/Long/Reference}, {@code LongAdder}, {@code LongAccumulator} and the
 * field updaters.
 */
@Timeout(180)
class AtomicsConformanceTests {

    @Test
    void getThenSetLosesAnIncrement() {
        String report = failureOf(GetThenSetFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: counted 1 of 2 increments");
        assertThat(report).contains(sourceLine(GetThenSetFixture.class, "assert"));
        assertReplayReproduces(GetThenSetFixture.class, report);
    }

    @Test
    void getThenSetOnAReferenceCreatesTwice() {
        String report = failureOf(CheckThenSetReferenceFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: created 2 instances");
        assertThat(report).contains(sourceLine(CheckThenSetReferenceFixture.class, "assert"));
        assertReplayReproduces(CheckThenSetReferenceFixture.class, report);
    }

    @Test
    void atomicReadModifyWriteAndCompareAndSetPass() {
        assertPassesEveryExecution(AtomicUpdatesFixture.class);
    }

    @Test
    void adderSumAsAnAdmissionCheckAdmitsTooMany() {
        String report = failureOf(SumAsAdmissionCheckFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: admitted 2 requests under a limit of 1");
        assertThat(report).contains(sourceLine(SumAsAdmissionCheckFixture.class, "assert"));
        assertReplayReproduces(SumAsAdmissionCheckFixture.class, report);
    }

    @Test
    void adderAndAccumulatorReadAfterJoinPass() {
        assertPassesEveryExecution(AdderAndAccumulatorFixture.class);
    }

    @Test
    void updaterBesideAPlainIncrementLosesAnUpdate() {
        String report = failureOf(UpdaterBesidePlainWriteFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: counted 1 of 2 increments");
        assertThat(report).contains(sourceLine(UpdaterBesidePlainWriteFixture.class, "assert"));
        assertReplayReproduces(UpdaterBesidePlainWriteFixture.class, report);
    }

    @Test
    void fieldUpdaterTreiberStackPasses() {
        assertPassesEveryExecution(FieldUpdaterStackFixture.class);
    }

    @Test
    void anUpdaterAndADirectAccessOfOneVolatileFieldOrderWhatItPublishes() {
        assertPassesEveryExecution(UpdaterPublicationFixture.class, java.util.Map.of("racetest.races", "fail"));
    }
}
