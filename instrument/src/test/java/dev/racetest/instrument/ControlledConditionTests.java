package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.racetest.instrument.hooks.BlockingCall;
import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.LockWaits;
import dev.racetest.instrument.hooks.PassThroughHandler;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.substitutes.ControlledCondition;
import dev.racetest.substitutes.ControlledConditions;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ControlledCondition} used directly, uninstrumented, on plain JDK threads: its monitor is a
 * real one and the JVM wakes its waiters, so these tests check that it keeps the {@code Condition}
 * contract as the JDK's conditions do (locking, hand-off, timeouts, interrupts), and that the locks'
 * queries answer for it through {@link ControlledConditions}.
 */
@Timeout(60)
class ControlledConditionTests {

    private static final int SITE = SyncSites.register(SyncPointKind.BLOCKING_CALL,
            ControlledConditionTests.class.getName(), "test", null, -1, "Condition.awaitNanos").id();

    private final ReentrantLock lock = new ReentrantLock();
    private final ControlledCondition condition = new ControlledCondition(lock);

    @AfterEach
    void cleanUp() {
        Hooks.unbind();
        Thread.interrupted();
        while (lock.isHeldByCurrentThread()) {
            lock.unlock();
        }
    }

    /** Spin until {@code count} threads wait on the condition, as the lock's query reports it. */
    private void awaitWaiters(int count) {
        while (true) {
            lock.lock();
            try {
                if (ControlledConditions.getWaitQueueLength(lock, condition) == count) {
                    return;
                }
            } finally {
                lock.unlock();
            }
            Thread.onSpinWait();
        }
    }

    /** Spin until {@code thread} is in {@code Object.wait} (it takes no other lock that would make it wait). */
    private static void awaitWaiting(Thread thread) {
        while (thread.getState() != Thread.State.WAITING) {
            assertThat(thread.getState()).as("state of %s", thread.getName()).isNotEqualTo(Thread.State.TERMINATED);
            Thread.onSpinWait();
        }
    }

    private Thread waiter(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.start();
        return thread;
    }

    @Test
    void signalHandsOffToTheWaiterWhichHoldsTheLockAgain() throws InterruptedException {
        AtomicBoolean ready = new AtomicBoolean();
        AtomicReference<String> seen = new AtomicReference<>();
        Thread waiter = waiter("waiter", () -> {
            lock.lock();
            try {
                while (!ready.get()) {
                    condition.await();
                }
                seen.set("ready=" + ready.get() + " held=" + lock.isHeldByCurrentThread());
            } catch (InterruptedException e) {
                seen.set("interrupted");
            } finally {
                lock.unlock();
            }
        });
        awaitWaiters(1);

        lock.lock();
        try {
            ready.set(true);
            condition.signal();
            assertThat(ControlledConditions.hasWaiters(lock, condition)).as("the signal is on its way").isFalse();
        } finally {
            lock.unlock();
        }
        waiter.join();

        assertThat(seen.get()).isEqualTo("ready=true held=true");
    }

    @Test
    void oneSignalWakesOneOfTwoWaiters() throws InterruptedException {
        AtomicInteger permits = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Runnable takePermit = () -> {
            lock.lock();
            try {
                while (permits.get() == 0) {
                    condition.awaitUninterruptibly();
                }
                permits.decrementAndGet();
                done.incrementAndGet();
            } finally {
                lock.unlock();
            }
        };
        Thread first = waiter("first", takePermit);
        Thread second = waiter("second", takePermit);
        awaitWaiters(2);

        grantPermit(permits);
        while (done.get() == 0) {
            Thread.onSpinWait();
        }
        awaitWaiters(1);
        assertThat(done.get()).as("threads past the condition after one signal").isOne();

        grantPermit(permits);
        first.join();
        second.join();
        assertThat(done.get()).isEqualTo(2);
    }

    private void grantPermit(AtomicInteger permits) {
        lock.lock();
        try {
            permits.incrementAndGet();
            condition.signal();
        } finally {
            lock.unlock();
        }
    }

    @Test
    void signalAllWakesEveryWaiter() throws InterruptedException {
        AtomicBoolean open = new AtomicBoolean();
        Runnable awaitOpen = () -> {
            lock.lock();
            try {
                while (!open.get()) {
                    condition.awaitUninterruptibly();
                }
            } finally {
                lock.unlock();
            }
        };
        Thread first = waiter("first", awaitOpen);
        Thread second = waiter("second", awaitOpen);
        awaitWaiters(2);

        lock.lock();
        try {
            open.set(true);
            condition.signalAll();
            assertThat(ControlledConditions.getWaitQueueLength(lock, condition)).isZero();
        } finally {
            lock.unlock();
        }
        first.join();
        second.join();
    }

    @Test
    void timedWaitsWithNobodySignallingTimeOutAndKeepTheLock() throws InterruptedException {
        lock.lock();

        assertThat(condition.awaitNanos(TimeUnit.MILLISECONDS.toNanos(1))).isNotPositive();
        assertThat(condition.await(1, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(condition.awaitUntil(new Date(System.currentTimeMillis() + 1))).isFalse();
        assertThat(condition.awaitNanos(0)).as("no time to wait").isNotPositive();
        assertThat(condition.awaitUntil(new Date(0))).as("a deadline long past").isFalse();
        assertThat(lock.getHoldCount()).isOne();
        assertThat(ControlledConditions.hasWaiters(lock, condition)).as("every waiter left").isFalse();
    }

    @Test
    void awaitReleasesEveryHoldWhileWaitingAndTakesThemBack() throws InterruptedException {
        lock.lock();
        lock.lock();
        Thread signaller = waiter("signaller", () -> {
            lock.lock(); // only possible once the awaiting thread released both holds
            try {
                condition.signal();
            } finally {
                lock.unlock();
            }
        });

        long remaining = condition.awaitNanos(TimeUnit.MINUTES.toNanos(10));

        assertThat(remaining).as("woken by the signal, well before the timeout").isPositive();
        assertThat(lock.getHoldCount()).isEqualTo(2);
        signaller.join();
    }

    @Test
    void awaitAndSignalWithoutTheLockThrowIllegalMonitorState() {
        assertThatThrownBy(condition::await).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(condition::awaitUninterruptibly).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(() -> condition.awaitNanos(1)).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(() -> condition.await(1, TimeUnit.SECONDS)).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(() -> condition.awaitUntil(new Date())).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(condition::signal).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(condition::signalAll).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(() -> ControlledConditions.hasWaiters(lock, condition))
                .isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(() -> ControlledConditions.getWaitQueueLength(lock, condition))
                .isInstanceOf(IllegalMonitorStateException.class);
    }

    @Test
    void anotherThreadHoldingTheLockIsNotEnough() throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        lock.lock();
        Thread other = waiter("other", () -> {
            try {
                condition.signal();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        other.join();

        assertThat(thrown.get()).isInstanceOf(IllegalMonitorStateException.class);
    }

    @Test
    void anInterruptBeforeAwaitThrowsAndKeepsTheLockHeld() {
        lock.lock();
        Thread.currentThread().interrupt();

        assertThatThrownBy(condition::await).isInstanceOf(InterruptedException.class);

        assertThat(Thread.currentThread().isInterrupted()).as("status cleared").isFalse();
        assertThat(lock.isHeldByCurrentThread()).isTrue();
    }

    @Test
    void anInterruptWhileWaitingThrowsOnceTheLockIsHeldAgain() throws InterruptedException {
        AtomicReference<String> seen = new AtomicReference<>();
        Thread waiter = waiter("waiter", () -> {
            lock.lock();
            try {
                condition.await();
                seen.set("returned");
            } catch (InterruptedException e) {
                seen.set("interrupted, held=" + lock.isHeldByCurrentThread()
                        + " status=" + Thread.currentThread().isInterrupted());
            } finally {
                lock.unlock();
            }
        });
        awaitWaiters(1);

        waiter.interrupt();
        waiter.join();

        assertThat(seen.get()).isEqualTo("interrupted, held=true status=false");
        lock.lock();
        assertThat(ControlledConditions.hasWaiters(lock, condition)).as("the interrupted waiter left").isFalse();
    }

    @Test
    void awaitUninterruptiblyWaitsThroughAnInterruptAndKeepsTheStatus() throws InterruptedException {
        AtomicReference<String> seen = new AtomicReference<>();
        Thread waiter = waiter("waiter", () -> {
            lock.lock();
            try {
                Thread.currentThread().interrupt();
                condition.awaitUninterruptibly(); // once: a return on the interrupt would end the thread
                seen.set("status=" + Thread.currentThread().isInterrupted() + " held=" + lock.isHeldByCurrentThread());
            } finally {
                lock.unlock();
            }
        });
        awaitWaiting(waiter);

        lock.lock();
        try {
            condition.signal();
        } finally {
            lock.unlock();
        }
        waiter.join();

        assertThat(seen.get()).isEqualTo("status=true held=true");
    }

    @Test
    void theQueriesOfAWriteLockConditionGoThroughTheReadWriteLock() throws InterruptedException {
        ReentrantReadWriteLock readWrite = new ReentrantReadWriteLock();
        ControlledCondition writeCondition = new ControlledCondition(readWrite.writeLock());
        Thread waiter = waiter("waiter", () -> {
            readWrite.writeLock().lock();
            try {
                writeCondition.awaitUninterruptibly();
            } finally {
                readWrite.writeLock().unlock();
            }
        });
        while (!writeLockedQuery(readWrite, writeCondition)) {
            Thread.onSpinWait();
        }

        readWrite.writeLock().lock();
        try {
            assertThat(ControlledConditions.getWaitQueueLength(readWrite, writeCondition)).isOne();
            writeCondition.signal();
            assertThat(ControlledConditions.getWaitQueueLength(readWrite, writeCondition)).isZero();
        } finally {
            readWrite.writeLock().unlock();
        }
        waiter.join();
    }

    private static boolean writeLockedQuery(ReentrantReadWriteLock readWrite, Condition condition) {
        readWrite.writeLock().lock();
        try {
            return ControlledConditions.hasWaiters(readWrite, condition);
        } finally {
            readWrite.writeLock().unlock();
        }
    }

    @Test
    void theQueriesRejectAnotherLocksConditionAsTheJdkDoes() {
        ReentrantLock other = new ReentrantLock();
        other.lock();
        try {
            assertThatThrownBy(() -> ControlledConditions.hasWaiters(other, condition))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("not owner");
            assertThatThrownBy(() -> ControlledConditions.getWaitQueueLength(other, condition))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("not owner");
            assertThatThrownBy(() -> ControlledConditions.hasWaiters(new ReentrantReadWriteLock(), condition))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("not owner");
        } finally {
            other.unlock();
        }
    }

    @Test
    void theQueriesPassTheJdksConditionsToTheJdk() {
        Condition jdk = lock.newCondition();
        lock.lock();

        assertThat(ControlledConditions.hasWaiters(lock, jdk)).isFalse();
        assertThat(ControlledConditions.getWaitQueueLength(lock, jdk)).isZero();
    }

    @Test
    void newConditionIsControlledOnlyForAControlledThreadAndAJdkLock() {
        ReentrantReadWriteLock readWrite = new ReentrantReadWriteLock();
        ReentrantLock subclass = new ReentrantLock() {
        };

        assertThat(ControlledConditions.newCondition(lock)).isNotInstanceOf(ControlledCondition.class);
        Hooks.bind(new PassThroughHandler().handler());
        assertThat(ControlledConditions.newCondition(lock)).isInstanceOf(ControlledCondition.class);
        assertThat(ControlledConditions.newCondition(readWrite.writeLock())).isInstanceOf(ControlledCondition.class);
        assertThat(ControlledConditions.newCondition(subclass)).isNotInstanceOf(ControlledCondition.class);
        assertThatThrownBy(() -> ControlledConditions.newCondition(readWrite.readLock()))
                .as("the JDK's answer for a read lock").isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theWaitHooksCallAControlledConditionAsWritten() throws InterruptedException {
        ScriptedWaitHandler handler = new ScriptedWaitHandler(BlockingCall.TIMED_OUT);
        Hooks.bind(handler);
        lock.lock();

        long remaining = LockWaits.awaitNanos(condition, TimeUnit.MILLISECONDS.toNanos(1), SITE);

        assertThat(remaining).as("its own timeout, on the real clock").isNotPositive();
        assertThat(handler.begins()).as("no virtual wait of the hook's own").isEmpty();
        assertThat(lock.isHeldByCurrentThread()).isTrue();
    }
}
