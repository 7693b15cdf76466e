package dev.racetest.conformance.varhandles;

import static dev.racetest.conformance.Conformance.assertPassesEveryExecution;
import static dev.racetest.conformance.Conformance.assertReplayReproduces;
import static dev.racetest.conformance.Conformance.failureOf;
import static dev.racetest.conformance.Conformance.sourceLine;
import static dev.racetest.conformance.Conformance.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code VarHandle} and {@code sun.misc.Unsafe}: plain, opaque, acquire/release and volatile access, and
 * compare-and-set; plain-mode publication is a data race, ordered publication and a compare-and-set lock
 * are not.
 */
@Timeout(180)
class VarhandlesConformanceTests {

    @Test
    void compareAndSetWithoutRetryDropsAnIncrement() {
        String report = failureOf(CompareAndSetWithoutRetryFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: counted 1 of 2 increments");
        assertThat(report).contains(sourceLine(CompareAndSetWithoutRetryFixture.class, "assert"));
        assertReplayReproduces(CompareAndSetWithoutRetryFixture.class, report);
    }

    @Test
    void acquireReadThenReleaseWriteIsNotAtomic() {
        String report = failureOf(PlainGetSetIncrementFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: counted 1 of 2 increments");
        assertThat(report).contains(sourceLine(PlainGetSetIncrementFixture.class, "assert"));
        assertReplayReproduces(PlainGetSetIncrementFixture.class, report);
    }

    @Test
    void publicationThroughAPlainSetIsADataRace() {
        String report = failureOf(PlainSetPublicationFixture.class, Map.of("racetest.races", "fail"));
        assertThat(verdict(report)).startsWith("data race on PlainSetPublicationFixture.published: T")
                .contains(" wrote at ", " read at ");
        assertThat(report).contains(sourceLine(PlainSetPublicationFixture.class, "publish"),
                sourceLine(PlainSetPublicationFixture.class, "read"));
        assertReplayReproduces(PlainSetPublicationFixture.class, report, Map.of("racetest.races", "fail"));
    }

    @Test
    void publicationThroughAPlainUnsafePutIsADataRace() {
        String report = failureOf(UnsafePublicationFixture.class, Map.of("racetest.races", "fail"));
        assertThat(verdict(report)).startsWith("data race on UnsafePublicationFixture.published: T")
                .contains(" wrote at ", " read at ");
        assertThat(report).contains(sourceLine(UnsafePublicationFixture.class, "publish"),
                sourceLine(UnsafePublicationFixture.class, "read"));
    }

    @Test
    void orderedUnsafePublicationAndAnUnsafeCounterAreRaceFree() {
        assertPassesEveryExecution(UnsafeOrderedPublicationFixture.class, Map.of("racetest.races", "fail"));
    }

    @Test
    void releaseAcquirePublicationAndACompareAndSetLockAreRaceFree() {
        assertPassesEveryExecution(ReleaseAcquirePublicationFixture.class, Map.of("racetest.races", "fail"));
    }

    @Test
    void everyAccessModeUsedCorrectlyPasses() {
        assertPassesEveryExecution(VarHandleAccessModesFixture.class);
    }
}
