package dev.racetest.conformance.synchronizers;

import static dev.racetest.conformance.Conformance.NO_SPURIOUS_WAKEUPS;
import static dev.racetest.conformance.Conformance.assertPassesEveryExecution;
import static dev.racetest.conformance.Conformance.assertReplayReproduces;
import static dev.racetest.conformance.Conformance.failureOf;
import static dev.racetest.conformance.Conformance.sourceLine;
import static dev.racetest.conformance.Conformance.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Semaphore}, {@code CountDownLatch}, {@code CyclicBarrier}, {@code Phaser}, {@code Exchanger}
 * and {@code LockSupport.park/unpark}.
 */
@Timeout(180)
class SynchronizersConformanceTests {

    @Test
    void releasingAPermitNeverAcquiredLetsTwoThreadsIn() {
        String report = failureOf(ReleaseWithoutAcquireFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: entered the section while the holder was inside");
        assertThat(report).contains(sourceLine(ReleaseWithoutAcquireFixture.class, "assert"));
        assertReplayReproduces(ReleaseWithoutAcquireFixture.class, report);
    }

    @Test
    void semaphoreBoundingConcurrencyPasses() {
        assertPassesEveryExecution(BoundedConcurrencyFixture.class);
    }

    @Test
    void countingDownBeforeTheWorkPublishesTooEarly() {
        String report = failureOf(CountDownBeforeWorkFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: read 0 before the worker computed 42");
        assertThat(report).contains(sourceLine(CountDownBeforeWorkFixture.class, "assert"));
        assertReplayReproduces(CountDownBeforeWorkFixture.class, report);
    }

    @Test
    void countingDownAfterTheWorkPasses() {
        assertPassesEveryExecution(LatchAfterWorkFixture.class);
    }

    @Test
    void writingAfterTheBarrierIsSeenTooLate() {
        String report = failureOf(WriteAfterBarrierFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: read part 0 after the barrier");
        assertThat(report).contains(sourceLine(WriteAfterBarrierFixture.class, "assert"));
        assertReplayReproduces(WriteAfterBarrierFixture.class, report);
    }

    @Test
    void barrierTimeoutShorterThanThePartnersWorkTimesOutOnVirtualTime() {
        String report = failureOf(BarrierTimeoutShorterThanWorkFixture.class);
        assertThat(verdict(report)).startsWith("java.util.concurrent.TimeoutException in thread main");
        assertThat(report).contains(sourceLine(BarrierTimeoutShorterThanWorkFixture.class, "await"));
        assertReplayReproduces(BarrierTimeoutShorterThanWorkFixture.class, report);
    }

    @Test
    void barrierWithAnActionOverTwoRoundsPasses() {
        assertPassesEveryExecution(BarrierPhasesFixture.class);
    }

    @Test
    void registeringInsideTheTaskLetsThePhaseAdvanceEarly() {
        String report = failureOf(RegisterInsideTaskFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: phase advanced before the worker's result: 0");
        assertThat(report).contains(sourceLine(RegisterInsideTaskFixture.class, "assert"));
        assertReplayReproduces(RegisterInsideTaskFixture.class, report);
    }

    @Test
    void phaserWithPartiesRegisteredUpFrontPasses() {
        assertPassesEveryExecution(PhaserRoundsFixture.class);
    }

    @Test
    void writingIntoAnExchangedBufferIsSeenByItsNewOwner() {
        String report = failureOf(WriteAfterExchangeFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: the handed-over buffer changed: [1, 2]");
        assertThat(report).contains(sourceLine(WriteAfterExchangeFixture.class, "assert"));
        assertReplayReproduces(WriteAfterExchangeFixture.class, report);
    }

    @Test
    void exchangingBuffersPasses() {
        assertPassesEveryExecution(ExchangeBuffersFixture.class);
    }

    @Test
    void ifAroundParkIsBrokenByASpuriousReturnAndOnlyByOne() {
        String report = failureOf(IfInsteadOfWhileParkFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: park returned before the flag was set");
        assertThat(report).contains(sourceLine(IfInsteadOfWhileParkFixture.class, "assert"));
        assertReplayReproduces(IfInsteadOfWhileParkFixture.class, report);
        assertPassesEveryExecution(IfInsteadOfWhileParkFixture.class, NO_SPURIOUS_WAKEUPS);
    }

    @Test
    void parkInALoopPasses() {
        assertPassesEveryExecution(ParkInLoopFixture.class);
    }
}
