package dev.racetest.instrument.hooks;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stand in for the timed waits of the {@code java.util.concurrent} synchronisers at call sites in
 * rewritten code, so that their timeouts run on the virtual clock.
 *
 * <p>Each method takes the receiver, the call's arguments and a site id, follows the shape described in
 * {@link Waits}, and gives the call's own timeout result: {@code false} for {@code tryAcquire} and the
 * latch, a {@link TimeoutException} for the barrier, the phaser and the exchanger. Ending a
 * {@code CyclicBarrier} wait with an interrupt breaks the barrier for the other parties, just as its
 * timeout does.
 */
public final class SynchronizerWaits {

    private static final JdkMethod TRY_ACQUIRE =
            new JdkMethod(Semaphore.class, "tryAcquire", long.class, TimeUnit.class);
    private static final JdkMethod TRY_ACQUIRE_PERMITS =
            new JdkMethod(Semaphore.class, "tryAcquire", int.class, long.class, TimeUnit.class);
    private static final JdkMethod LATCH_AWAIT =
            new JdkMethod(CountDownLatch.class, "await", long.class, TimeUnit.class);
    private static final JdkMethod BARRIER_AWAIT =
            new JdkMethod(CyclicBarrier.class, "await", long.class, TimeUnit.class);
    private static final JdkMethod AWAIT_ADVANCE =
            new JdkMethod(Phaser.class, "awaitAdvanceInterruptibly", int.class, long.class, TimeUnit.class);
    private static final JdkMethod EXCHANGE =
            new JdkMethod(Exchanger.class, "exchange", Object.class, long.class, TimeUnit.class);

    private SynchronizerWaits() {
    }

    public static boolean tryAcquire(Semaphore semaphore, long timeout, TimeUnit unit, int site)
            throws InterruptedException {
        SyncPointHandler handler = Waits.handler(semaphore, TRY_ACQUIRE, site);
        long nanos = handler == null ? 0 : unit.toNanos(timeout);
        if (nanos <= 0) {
            Waits.preempt(handler, semaphore, site);
            return semaphore.tryAcquire(timeout, unit);
        }
        return Waits.timed(handler, semaphore, nanos, false, site,
                forever -> semaphore.tryAcquire(forever, TimeUnit.NANOSECONDS), ended -> false);
    }

    public static boolean tryAcquire(Semaphore semaphore, int permits, long timeout, TimeUnit unit, int site)
            throws InterruptedException {
        SyncPointHandler handler = Waits.handler(semaphore, TRY_ACQUIRE_PERMITS, site);
        long nanos = handler == null ? 0 : unit.toNanos(timeout);
        if (nanos <= 0) {
            Waits.preempt(handler, semaphore, site);
            return semaphore.tryAcquire(permits, timeout, unit);
        }
        return Waits.timed(handler, semaphore, nanos, false, site,
                forever -> semaphore.tryAcquire(permits, forever, TimeUnit.NANOSECONDS), ended -> false);
    }

    public static boolean await(CountDownLatch latch, long timeout, TimeUnit unit, int site)
            throws InterruptedException {
        SyncPointHandler handler = Waits.handler(latch, LATCH_AWAIT, site);
        long nanos = handler == null ? 0 : unit.toNanos(timeout);
        if (nanos <= 0) {
            Waits.preempt(handler, latch, site);
            return latch.await(timeout, unit);
        }
        return Waits.timed(handler, latch, nanos, false, site,
                forever -> latch.await(forever, TimeUnit.NANOSECONDS), ended -> false);
    }

    public static int await(CyclicBarrier barrier, long timeout, TimeUnit unit, int site)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        SyncPointHandler handler = Waits.handler(barrier, BARRIER_AWAIT, site);
        long nanos = handler == null ? 0 : unit.toNanos(timeout);
        if (nanos <= 0) {
            Waits.preempt(handler, barrier, site);
            return barrier.await(timeout, unit);
        }
        // racetest's interrupt breaks the barrier, as a timeout would have, so it ends as a timeout does.
        return Waits.<Integer, BrokenBarrierException, TimeoutException>timed(handler, barrier, nanos, false, site,
                forever -> barrier.await(forever, TimeUnit.NANOSECONDS), Waits::timeoutException);
    }

    public static int awaitAdvanceInterruptibly(Phaser phaser, int phase, long timeout, TimeUnit unit, int site)
            throws InterruptedException, TimeoutException {
        SyncPointHandler handler = Waits.handler(phaser, AWAIT_ADVANCE, site);
        long nanos = handler == null ? 0 : unit.toNanos(timeout);
        if (nanos <= 0) {
            Waits.preempt(handler, phaser, site);
            return phaser.awaitAdvanceInterruptibly(phase, timeout, unit);
        }
        return Waits.timed(handler, phaser, nanos, false, site,
                forever -> phaser.awaitAdvanceInterruptibly(phase, forever, TimeUnit.NANOSECONDS),
                Waits::timeoutException);
    }

    public static Object exchange(Exchanger<Object> exchanger, Object value, long timeout, TimeUnit unit, int site)
            throws InterruptedException, TimeoutException {
        SyncPointHandler handler = Waits.handler(exchanger, EXCHANGE, site);
        long nanos = handler == null ? 0 : unit.toNanos(timeout);
        if (nanos <= 0) {
            Waits.preempt(handler, exchanger, site);
            return exchanger.exchange(value, timeout, unit);
        }
        return Waits.timed(handler, exchanger, nanos, false, site,
                forever -> exchanger.exchange(value, forever, TimeUnit.NANOSECONDS), Waits::timeoutException);
    }
}
