package dev.racetest.conformance.varhandles;

import static dev.racetest.conformance.Conformance.assertPassesEveryExecution;
import static dev.racetest.conformance.Conformance.assertReplayReproduces;
import static dev.racetest.conformance.Conformance.failureOf;
import static dev.racetest.conformance.Conformance.sourceLine;
import static dev.racetest.conformance.Conformance.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code VarHandle}: plain, opaque, acquire/release and volatile access, and compare-and-set. */
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
    void everyAccessModeUsedCorrectlyPasses() {
        assertPassesEveryExecution(VarHandleAccessModesFixture.class);
    }
}
