package dev.racetest.conformance.locks;

import static dev.racetest.conformance.Conformance.assertPassesEveryExecution;
import static dev.racetest.conformance.Conformance.assertReplayReproduces;
import static dev.racetest.conformance.Conformance.failureOf;
import static dev.racetest.conformance.Conformance.sourceLine;
import static dev.racetest.conformance.Conformance.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ReentrantLock}, {@code ReentrantReadWriteLock} and {@code StampedLock}. */
@Timeout(180)
class LocksConformanceTests {

    @Test
    void lockKeptOnAnEarlyReturnBlocksTheNextLocker() {
        String report = failureOf(EarlyReturnKeepsLockFixture.class);
        assertThat(verdict(report)).isEqualTo("deadlock: 1 thread is blocked and none can go on");
        assertThat(report).contains("T0 main waits for ReentrantLock",
                sourceLine(EarlyReturnKeepsLockFixture.class, "deposit-locks"));
        assertReplayReproduces(EarlyReturnKeepsLockFixture.class, report);
    }

    @Test
    void reentrantLocksInOppositeOrderDeadlock() {
        String report = failureOf(ReentrantLockOrderDeadlockFixture.class);
        assertThat(verdict(report)).startsWith("deadlock: ");
        assertThat(report).contains("T1 transfer waits for ReentrantLock", "T2 auditor waits for ReentrantLock",
                sourceLine(ReentrantLockOrderDeadlockFixture.class, "second-lock"));
        assertReplayReproduces(ReentrantLockOrderDeadlockFixture.class, report);
    }

    @Test
    void unlockAfterAnInterruptedLockInterruptiblyThrows() {
        String report = failureOf(UnlockAfterFailedLockInterruptiblyFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.IllegalMonitorStateException in thread worker");
        assertThat(report).contains(sourceLine(UnlockAfterFailedLockInterruptiblyFixture.class, "unlock"));
        assertReplayReproduces(UnlockAfterFailedLockInterruptiblyFixture.class, report);
    }

    @Test
    void tryLockWithoutTimeoutDropsAContendedEvent() {
        String report = failureOf(TryLockDropsWorkFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: recorded 1 of 2 events");
        assertThat(report).contains(sourceLine(TryLockDropsWorkFixture.class, "assert"));
        assertReplayReproduces(TryLockDropsWorkFixture.class, report);
    }

    @Test
    void timedTryLockTimesOutOnVirtualTimeWhileTheHolderSleeps() {
        String report = failureOf(TryLockTimesOutWhileHolderSleepsFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: could not get the lock within 1 second");
        assertThat(report).contains(sourceLine(TryLockTimesOutWhileHolderSleepsFixture.class, "assert"));
        assertReplayReproduces(TryLockTimesOutWhileHolderSleepsFixture.class, report);
    }

    @Test
    void lockedReentrantCounterPasses() {
        assertPassesEveryExecution(LockedCounterFixture.class);
    }

    @Test
    void lockInterruptiblyBeforeTryPasses() {
        assertPassesEveryExecution(InterruptibleLockFixture.class);
    }

    @Test
    void timedTryLockRetriedUntilItSucceedsPasses() {
        assertPassesEveryExecution(TryLockRetryFixture.class);
    }

    @Test
    void writingUnderAReadLockLosesAnUpdate() {
        String report = failureOf(MutatingUnderReadLockFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: counted 1 of 2 hits");
        assertThat(report).contains(sourceLine(MutatingUnderReadLockFixture.class, "assert"));
        assertReplayReproduces(MutatingUnderReadLockFixture.class, report);
    }

    @Test
    void writeLockDowngradedToReadLockPasses() {
        assertPassesEveryExecution(ReadWriteLockDowngradeFixture.class);
    }

    @Test
    void unvalidatedOptimisticReadIsTorn() {
        String report = failureOf(OptimisticReadWithoutValidateFixture.class);
        assertThat(verdict(report)).startsWith("java.lang.AssertionError in thread main: read a point off the diagonal: ")
                .matches(".*: (0,1|1,0)$");
        assertThat(report).contains(sourceLine(OptimisticReadWithoutValidateFixture.class, "assert"));
        assertReplayReproduces(OptimisticReadWithoutValidateFixture.class, report);
    }

    @Test
    void failedConversionStampUsedAsAWriteStampThrows() {
        String report = failureOf(ConversionResultIgnoredFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.IllegalMonitorStateException in thread mover");
        assertThat(report).contains(sourceLine(ConversionResultIgnoredFixture.class, "unlock"));
        assertReplayReproduces(ConversionResultIgnoredFixture.class, report);
    }

    @Test
    void validatedOptimisticReadPasses() {
        assertPassesEveryExecution(OptimisticReadValidatedFixture.class);
    }

    @Test
    void readToWriteConversionWithFallbackPasses() {
        assertPassesEveryExecution(StampedLockConversionFixture.class);
    }
}
