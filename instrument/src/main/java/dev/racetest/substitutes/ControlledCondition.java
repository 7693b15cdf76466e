package dev.racetest.substitutes;

import dev.racetest.instrument.hooks.ConditionSignals;
import java.util.Date;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Stand in for the {@code Condition} of a {@code ReentrantLock} or of a {@code ReentrantReadWriteLock}'s
 * write lock, so that which waiter {@code signal()} wakes is the strategy's choice rather than the
 * JDK's (its conditions always wake the thread that has waited longest). {@link ControlledConditions}
 * creates one when a controlled thread calls {@code newCondition()}.
 *
 * <p>It is built on the real lock, which it releases and re-acquires around each wait exactly as the
 * JDK does, and on a private monitor of its own, {@link ConditionMonitor}, where the waiting happens.
 * Classes of this package are instrumented like user code, so under racetest that monitor is modelled:
 * a signal is offered to every thread waiting when it is sent, and the order in which they re-acquire
 * the monitor, which the strategy chooses, decides which of them takes it. On a thread racetest does
 * not control the same code runs on the real monitor, where the JVM picks.
 *
 * <p>As the JDK's: the lock must be held to await or signal ({@code IllegalMonitorStateException}
 * otherwise); every hold of it is released while waiting and re-acquired, uninterruptibly, before
 * returning or throwing; an interrupt before the wait, or during it before a signal came, throws
 * {@code InterruptedException}; one after the signal leaves the interrupt status set; timed waits
 * return what {@code Condition} documents. Where it differs from the JDK's {@code ConditionObject}:
 * <ul>
 *   <li>until one of the waiters offered a signal has taken it, all of them are awake and compete for
 *       the monitor, where the JDK would have moved one waiter to the lock's queue at once; the lock's
 *       {@code hasWaiters} and {@code getWaitQueueLength} count the signal as delivered all the same;</li>
 *   <li>a waiter the strategy wakes spuriously returns from any of the {@code await} methods, as
 *       {@code Condition} allows; the JDK's {@code awaitUninterruptibly} never does;</li>
 *   <li>the waiting threads are not in the lock's wait queues, so {@code getWaitingThreads} (protected,
 *       for subclasses, which keep the JDK's conditions anyway) and thread dumps do not show them
 *       as waiting on the condition;</li>
 *   <li>re-acquiring {@code n} holds takes {@code n} calls of {@code lock()}, not one.</li>
 * </ul>
 */
public final class ControlledCondition implements Condition {

    /** A {@code ReentrantLock} or a {@code ReentrantReadWriteLock.WriteLock}. */
    private final Lock lock;
    private final ConditionMonitor monitor = new ConditionMonitor();

    public ControlledCondition(ReentrantLock lock) {
        this.lock = Objects.requireNonNull(lock, "lock must not be null");
    }

    public ControlledCondition(ReentrantReadWriteLock.WriteLock lock) {
        this.lock = Objects.requireNonNull(lock, "lock must not be null");
    }

    /** Return whether this is a condition of {@code lock}. */
    public boolean belongsTo(Lock lock) {
        return this.lock == lock;
    }

    @Override
    public void await() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        unlessInterrupted(awaitSignal(WaitDeadline.never(), true));
    }

    @Override
    public void awaitUninterruptibly() {
        awaitSignal(WaitDeadline.never(), false);
    }

    @Override
    public long awaitNanos(long nanosTimeout) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        WaitDeadline deadline = WaitDeadline.afterNanos(nanosTimeout);
        unlessInterrupted(awaitSignal(deadline, true));
        long remaining = deadline.remainingNanos();
        // As the JDK: an answer above what was asked for can only come from overflow.
        return remaining <= nanosTimeout ? remaining : Long.MIN_VALUE;
    }

    @Override
    public boolean await(long time, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(time);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return unlessInterrupted(awaitSignal(WaitDeadline.afterNanos(nanos), true)) != ConditionMonitor.TIMED_OUT;
    }

    @Override
    public boolean awaitUntil(Date deadline) throws InterruptedException {
        long epochMillis = deadline.getTime();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return unlessInterrupted(awaitSignal(WaitDeadline.atMillis(epochMillis), true))
                != ConditionMonitor.TIMED_OUT;
    }

    @Override
    public void signal() {
        requireHeld();
        monitor.signal();
    }

    @Override
    public void signalAll() {
        requireHeld();
        monitor.signalAll();
    }

    /** The lock's {@code hasWaiters(this)}, once the lock has checked that this is its condition. */
    boolean hasWaiters() {
        requireHeld();
        return monitor.waitingCount() > 0;
    }

    /** The lock's {@code getWaitQueueLength(this)}, once the lock has checked that this is its condition. */
    int getWaitQueueLength() {
        requireHeld();
        return monitor.waitingCount();
    }

    /**
     * Release the lock, wait on the monitor, re-acquire the lock, and return how the wait ended: one of
     * the {@link ConditionMonitor} endings. An interrupt the wait did not end with is set again.
     */
    private int awaitSignal(WaitDeadline deadline, boolean interruptible) {
        int holds = requireHeld();
        // Registered before the lock is released, so a signal sent as soon as it is free finds this waiter.
        ConditionSignals.Waiter waiter = monitor.enter();
        int ending;
        try {
            for (int i = 0; i < holds; i++) {
                lock.unlock();
            }
            ending = monitor.awaitSignal(waiter, deadline, interruptible);
        } finally {
            for (int i = 0; i < holds; i++) {
                lock.lock();
            }
        }
        if (ending != ConditionMonitor.INTERRUPTED && waiter.wasInterrupted()) {
            Thread.currentThread().interrupt(); // signalled first, or not interruptible: keep the status
        }
        return ending;
    }

    private static int unlessInterrupted(int ending) throws InterruptedException {
        if (ending == ConditionMonitor.INTERRUPTED) {
            throw new InterruptedException();
        }
        return ending;
    }

    /** Return how many times the calling thread holds the lock, throwing as the JDK does when it is none. */
    private int requireHeld() {
        int holds = lock instanceof ReentrantLock reentrant
                ? reentrant.getHoldCount()
                : ((ReentrantReadWriteLock.WriteLock) lock).getHoldCount();
        if (holds == 0) {
            throw new IllegalMonitorStateException();
        }
        return holds;
    }
}
