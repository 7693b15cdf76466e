package dev.racetest.instrument;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.racetest.instrument.hooks.BlockingCall;
import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.LockWaits;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;
import java.util.Date;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lock and condition wait hooks under a {@link ScriptedWaitHandler}: how each ending of the virtual
 * wait turns into the call's result, and the plain JDK behaviour when the thread is uncontrolled.
 */
class LockWaitsTests {

    private static final int SITE = SyncSites.register(SyncPointKind.BLOCKING_CALL, LockWaitsTests.class.getName(),
            "test", null, -1, "Lock.tryLock").id();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition condition = lock.newCondition();

    @AfterEach
    void unbind() {
        Hooks.unbind();
        Thread.interrupted();
        while (lock.isHeldByCurrentThread()) {
            lock.unlock();
        }
    }

    private static ScriptedWaitHandler controlled(int ending) {
        ScriptedWaitHandler handler = new ScriptedWaitHandler(ending);
        Hooks.bind(handler);
        return handler;
    }

    @Test
    void tryLockWaitsOnTheVirtualClockAndTimesOutWithFalse() throws InterruptedException {
        ScriptedWaitHandler handler = controlled(BlockingCall.TIMED_OUT);

        boolean locked = LockWaits.tryLock(lock, 3, SECONDS, SITE);

        assertThat(locked).isFalse();
        assertThat(lock.isHeldByCurrentThread()).isFalse();
        assertThat(handler.begins()).containsExactly(new ScriptedWaitHandler.Begin(lock, 3_000_000_000L, false, false));
        assertThat(handler.ends()).isOne();
        assertThat(Thread.currentThread().isInterrupted()).as("racetest's interrupt is hidden").isFalse();
    }

    @Test
    void tryLockThatCompletesReturnsTheJdkResult() throws InterruptedException {
        ScriptedWaitHandler handler = controlled(BlockingCall.COMPLETED);

        assertThat(LockWaits.tryLock(lock, 3, SECONDS, SITE)).isTrue();

        assertThat(lock.isHeldByCurrentThread()).isTrue();
        assertThat(handler.ends()).isOne();
    }

    @Test
    void aRealInterruptStillThrows() {
        ScriptedWaitHandler handler = controlled(BlockingCall.COMPLETED);
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> LockWaits.tryLock(lock, 3, SECONDS, SITE)).isInstanceOf(InterruptedException.class);

        assertThat(handler.begins()).hasSize(1);
        assertThat(handler.ends()).as("ended exactly once").isOne();
    }

    @Test
    void aTimeoutThatDoesNotWaitIsAPreemptionPointAndTheCallAsWritten() throws InterruptedException {
        ScriptedWaitHandler handler = controlled(BlockingCall.TIMED_OUT);

        assertThat(LockWaits.tryLock(lock, 0, SECONDS, SITE)).isTrue();

        assertThat(handler.begins()).isEmpty();
        assertThat(handler.libraryCalls()).containsExactly(lock);
    }

    @Test
    void uncontrolledTryLockIsTheJdks() throws InterruptedException {
        assertThat(LockWaits.tryLock(lock, 1, MILLISECONDS, SITE)).isTrue();
    }

    @Test
    void timedAwaitTimesOutWithFalseAndKeepsTheLock() throws InterruptedException {
        ScriptedWaitHandler handler = controlled(BlockingCall.TIMED_OUT);
        lock.lock();

        boolean signalled = LockWaits.await(condition, 2, SECONDS, SITE);

        assertThat(signalled).isFalse();
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        assertThat(handler.begins()).containsExactly(
                new ScriptedWaitHandler.Begin(condition, 2_000_000_000L, true, false));
        assertThat(handler.ends()).isOne();
    }

    @Test
    void timedAwaitWokenSpuriouslyReturnsTrue() throws InterruptedException {
        controlled(BlockingCall.SPURIOUS);
        lock.lock();

        assertThat(LockWaits.await(condition, 2, SECONDS, SITE)).isTrue();
        assertThat(lock.isHeldByCurrentThread()).isTrue();
    }

    @Test
    void awaitNanosAnswersFromTheVirtualClock() throws InterruptedException {
        controlled(BlockingCall.TIMED_OUT);
        lock.lock();
        assertThat(LockWaits.awaitNanos(condition, 500, SITE)).as("timed out").isLessThanOrEqualTo(0);

        Hooks.unbind();
        controlled(BlockingCall.SPURIOUS);
        assertThat(LockWaits.awaitNanos(condition, 500, SITE)).as("half of it left").isEqualTo(250);
    }

    @Test
    void awaitUntilTakesItsDeadlineFromTheVirtualWallClock() throws InterruptedException {
        ScriptedWaitHandler handler = controlled(BlockingCall.TIMED_OUT);
        lock.lock();

        boolean signalled = LockWaits.awaitUntil(condition, new Date(ScriptedWaitHandler.WALL_CLOCK_MILLIS + 4), SITE);

        assertThat(signalled).isFalse();
        assertThat(handler.begins()).extracting(ScriptedWaitHandler.Begin::timeoutNanos).containsExactly(4_000_000L);
    }

    @Test
    void awaitUntilAPassedVirtualDeadlineDoesNotWait() throws InterruptedException {
        ScriptedWaitHandler handler = controlled(BlockingCall.COMPLETED);
        lock.lock();

        // Far in the future on the real clock, passed on the virtual one.
        boolean signalled = LockWaits.awaitUntil(condition, new Date(ScriptedWaitHandler.WALL_CLOCK_MILLIS - 1), SITE);

        assertThat(signalled).isFalse();
        assertThat(handler.begins()).isEmpty();
        assertThat(handler.libraryCalls()).containsExactly(condition);
        assertThat(lock.isHeldByCurrentThread()).isTrue();
    }

    @Test
    void untimedAwaitMayWakeSpuriously() throws InterruptedException {
        ScriptedWaitHandler handler = controlled(BlockingCall.SPURIOUS);
        lock.lock();

        LockWaits.await(condition, SITE);

        assertThat(handler.begins()).containsExactly(new ScriptedWaitHandler.Begin(condition, -1, true, false));
        assertThat(handler.ends()).isOne();
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void untimedAwaitStillThrowsOnARealInterrupt() {
        ScriptedWaitHandler handler = controlled(BlockingCall.COMPLETED);
        lock.lock();
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> LockWaits.await(condition, SITE)).isInstanceOf(InterruptedException.class);
        assertThat(handler.ends()).isOne();
    }

    @Test
    void stampedLockTimesOutWithAZeroStamp() throws InterruptedException {
        StampedLock stamped = new StampedLock();
        controlled(BlockingCall.TIMED_OUT);
        assertThat(LockWaits.tryWriteLock(stamped, 1, SECONDS, SITE)).isZero();
        assertThat(LockWaits.tryReadLock(stamped, 1, SECONDS, SITE)).isZero();

        Hooks.unbind();
        controlled(BlockingCall.COMPLETED);
        long stamp = LockWaits.tryWriteLock(stamped, 1, SECONDS, SITE);
        assertThat(stamp).isNotZero();
        assertThat(stamped.isWriteLocked()).isTrue();
    }
}
