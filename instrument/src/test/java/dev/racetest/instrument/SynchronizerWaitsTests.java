package dev.racetest.instrument;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.NANOSECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.racetest.instrument.hooks.BlockingCall;
import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.instrument.hooks.SynchronizerWaits;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The synchroniser wait hooks under a {@link ScriptedWaitHandler}, and uncontrolled. */
class SynchronizerWaitsTests {

    private static final int SITE = SyncSites.register(SyncPointKind.BLOCKING_CALL,
            SynchronizerWaitsTests.class.getName(), "test", null, -1, "Semaphore.tryAcquire").id();

    @AfterEach
    void unbind() {
        Hooks.unbind();
        Thread.interrupted();
    }

    private static ScriptedWaitHandler controlled(int ending) {
        ScriptedWaitHandler handler = new ScriptedWaitHandler(ending);
        Hooks.bind(handler);
        return handler;
    }

    @Test
    void semaphoreTimesOutWithFalseAndCompletesWithTrue() throws InterruptedException {
        Semaphore semaphore = new Semaphore(0);
        ScriptedWaitHandler timingOut = controlled(BlockingCall.TIMED_OUT);
        assertThat(SynchronizerWaits.tryAcquire(semaphore, 5, SECONDS, SITE)).isFalse();
        assertThat(SynchronizerWaits.tryAcquire(semaphore, 2, 5, SECONDS, SITE)).isFalse();
        assertThat(timingOut.begins()).extracting(ScriptedWaitHandler.Begin::timeoutNanos)
                .containsExactly(5_000_000_000L, 5_000_000_000L);
        assertThat(timingOut.ends()).isEqualTo(2);

        Hooks.unbind();
        controlled(BlockingCall.COMPLETED);
        semaphore.release(3);
        assertThat(SynchronizerWaits.tryAcquire(semaphore, 5, SECONDS, SITE)).isTrue();
        assertThat(SynchronizerWaits.tryAcquire(semaphore, 2, 5, SECONDS, SITE)).isTrue();
        assertThat(semaphore.availablePermits()).isZero();
    }

    @Test
    void latchTimesOutWithFalse() throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        controlled(BlockingCall.TIMED_OUT);
        assertThat(SynchronizerWaits.await(latch, 1, SECONDS, SITE)).isFalse();

        Hooks.unbind();
        controlled(BlockingCall.COMPLETED);
        latch.countDown();
        assertThat(SynchronizerWaits.await(latch, 1, SECONDS, SITE)).isTrue();
    }

    @Test
    void barrierTimesOutWithTimeoutExceptionAndIsBroken() {
        CyclicBarrier barrier = new CyclicBarrier(2);
        ScriptedWaitHandler handler = controlled(BlockingCall.TIMED_OUT);

        assertThatThrownBy(() -> SynchronizerWaits.await(barrier, 1, SECONDS, SITE))
                .isInstanceOf(TimeoutException.class);

        assertThat(barrier.isBroken()).as("as after the JDK's own timeout").isTrue();
        assertThat(handler.ends()).isOne();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void barrierThatTripsReturnsTheArrivalIndex() throws Exception {
        controlled(BlockingCall.COMPLETED);

        assertThat(SynchronizerWaits.await(new CyclicBarrier(1), 1, SECONDS, SITE)).isZero();
    }

    @Test
    void barrierStillThrowsOnARealInterrupt() {
        controlled(BlockingCall.COMPLETED);
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> SynchronizerWaits.await(new CyclicBarrier(2), 1, SECONDS, SITE))
                .isInstanceOf(InterruptedException.class);
    }

    @Test
    void phaserTimesOutWithTimeoutException() throws Exception {
        Phaser phaser = new Phaser(2);
        controlled(BlockingCall.TIMED_OUT);
        assertThatThrownBy(() -> SynchronizerWaits.awaitAdvanceInterruptibly(phaser, 0, 1, SECONDS, SITE))
                .isInstanceOf(TimeoutException.class);

        Hooks.unbind();
        controlled(BlockingCall.COMPLETED);
        phaser.arrive();
        phaser.arrive();
        assertThat(SynchronizerWaits.awaitAdvanceInterruptibly(phaser, 0, 1, SECONDS, SITE)).isOne();
    }

    @Test
    void exchangerTimesOutWithTimeoutException() {
        Exchanger<Object> exchanger = new Exchanger<>();
        ScriptedWaitHandler handler = controlled(BlockingCall.TIMED_OUT);

        assertThatThrownBy(() -> SynchronizerWaits.exchange(exchanger, "mine", 1, SECONDS, SITE))
                .isInstanceOf(TimeoutException.class);
        assertThat(handler.begins()).extracting(ScriptedWaitHandler.Begin::target).containsExactly(exchanger);
    }

    @Test
    @Timeout(30)
    void exchangerThatMeetsItsPartnerReturnsTheirValue() throws Exception {
        Exchanger<Object> exchanger = new Exchanger<>();
        Thread partner = Thread.ofPlatform().start(() -> {
            try {
                exchanger.exchange("theirs");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        controlled(BlockingCall.COMPLETED);

        assertThat(SynchronizerWaits.exchange(exchanger, "mine", 1, SECONDS, SITE)).isEqualTo("theirs");
        partner.join();
    }

    @Test
    void uncontrolledWaitsAreTheJdks() throws Exception {
        assertThat(SynchronizerWaits.tryAcquire(new Semaphore(0), 1, NANOSECONDS, SITE)).isFalse();
        assertThat(SynchronizerWaits.await(new CountDownLatch(1), 1, NANOSECONDS, SITE)).isFalse();
        assertThatThrownBy(() -> SynchronizerWaits.await(new CyclicBarrier(2), 1, MILLISECONDS, SITE))
                .isInstanceOf(TimeoutException.class);
    }
}
