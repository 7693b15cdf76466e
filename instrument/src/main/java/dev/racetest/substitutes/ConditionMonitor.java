package dev.racetest.substitutes;

import dev.racetest.instrument.hooks.ConditionSignals;
import dev.racetest.instrument.hooks.Hooks;

/**
 * The private monitor of one {@link ControlledCondition}: where its waiting threads wait, and what
 * guards its {@link ConditionSignals}. Every method synchronizes on it.
 *
 * <p>Plain Java, instrumented like user code, so under racetest this monitor is modelled: a signal
 * wakes every waiter it is offered to, and the order in which they re-acquire the monitor, which
 * the strategy chooses, decides which of them takes it. On a thread racetest does not control it is
 * a real monitor, and the JVM decides.
 *
 * <p>On a controlled thread, a wait that ends with no signal, no timeout and no interrupt, while no
 * signal went out since it began, was woken spuriously: racetest injects such wake-ups when the
 * strategy says so, and {@link #awaitSignal} reports them, since {@code Condition} allows {@code await}
 * to return then. On a real monitor such an ending is the JVM's timing (a timed wait ending a little
 * before the clock shows its deadline), and the wait goes on, as the JDK's own conditions do.
 */
final class ConditionMonitor {

    /** How {@link #awaitSignal} ended. */
    static final int SIGNALLED = 0;
    static final int WOKEN_SPURIOUSLY = 1;
    static final int TIMED_OUT = 2;
    static final int INTERRUPTED = 3;

    private final ConditionSignals signals = new ConditionSignals();

    /** Register the calling thread as a waiter; it must still hold the condition's lock, so no signal is missed. */
    synchronized ConditionSignals.Waiter enter() {
        return signals.enter();
    }

    /**
     * Wait until {@code waiter} is signalled, {@code deadline} passes, or (when {@code interruptible}) the
     * thread is interrupted, unregister it, and return which of {@link #SIGNALLED}, {@link #TIMED_OUT},
     * {@link #INTERRUPTED} or {@link #WOKEN_SPURIOUSLY} ended the wait. Not interruptible, the wait
     * goes on through interrupts. Every interrupt is recorded in the waiter. A signal that is there to
     * take wins over a timeout or an interrupt, so that it is not lost.
     */
    synchronized int awaitSignal(ConditionSignals.Waiter waiter, WaitDeadline deadline, boolean interruptible) {
        try {
            while (!signals.takeSignal(waiter)) {
                long remaining = deadline.remainingNanos();
                if (remaining <= 0) {
                    return TIMED_OUT;
                }
                long wakeUpsBefore = signals.wakeUps();
                try {
                    waitAtMost(deadline, remaining);
                } catch (InterruptedException e) {
                    waiter.recordInterrupt();
                    if (interruptible) {
                        return signals.takeSignal(waiter) ? SIGNALLED : INTERRUPTED;
                    }
                    continue;
                }
                if (signals.wakeUps() == wakeUpsBefore && deadline.remainingNanos() > 0
                        && Hooks.boundHandler() != null) {
                    return WOKEN_SPURIOUSLY;
                }
            }
            return SIGNALLED;
        } finally {
            signals.leave(waiter);
        }
    }

    /** Wake the waiters of one signal, if any waiter is not covered by the signals already sent. */
    synchronized void signal() {
        if (signals.signal()) {
            notifyAll();
        }
    }

    synchronized void signalAll() {
        if (signals.signalAll()) {
            notifyAll();
        }
    }

    /** Return how many waiters no signal is on its way to (see {@link ConditionSignals#waitingCount()}). */
    synchronized int waitingCount() {
        return signals.waitingCount();
    }

    /** {@code wait} on this monitor for {@code nanos} at most, to the nanosecond: the virtual clock has them. */
    private void waitAtMost(WaitDeadline deadline, long nanos) throws InterruptedException {
        if (deadline.isTimed()) {
            // nanos > 0, so the two parts are never both zero, which would mean "forever".
            wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } else {
            wait();
        }
    }
}
