package dev.racetest.instrument.hooks;

import java.util.ArrayList;
import java.util.List;

/**
 * The bookkeeping of one {@code dev.racetest.substitutes.ControlledCondition}: the threads waiting on it
 * and the signals sent to them.
 *
 * <p>{@code signal()} does not pick a waiter here: {@link #signal()} makes one signal and offers it to
 * every waiter not yet signalled, and the condition wakes them all. Whichever of them looks first
 * ({@link #takeSignal}) takes it; the others find it taken. A waiter takes at most one signal, the
 * oldest free one it was offered, so a signal only ever goes to a thread that was waiting when it was
 * sent, and it is not lost while one of those still waits. Under racetest the condition's monitor is
 * modelled, so which waiter looks first is the strategy's choice.
 *
 * <p>Here, outside the instrumented substitutes, so that reading and updating it is no scheduling point:
 * the condition calls it only while holding its private monitor, under which nothing can race with it,
 * and a scheduling point at every field it touches would only dilute the choices that matter (the
 * monitor, the lock) among thousands that change nothing. Not thread-safe on its own for that reason:
 * the caller's monitor guards it.
 */
public final class ConditionSignals {

    /** One call of {@code signal()}, offered to several waiters and taken by at most one. */
    private static final class Signal {
        boolean taken;
    }

    /** One thread's wait on the condition, from {@link #enter()} until {@link #leave}. */
    public static final class Waiter {
        /** Set by {@code signalAll()}, or when the waiter takes a signal. */
        private boolean signalled;
        /** Whether an interrupt came while the thread waited. */
        private boolean interrupted;
        /** The signals offered to this waiter, oldest first. */
        private final List<Signal> offers = new ArrayList<>();

        private Waiter() {
        }

        /** Record that an interrupt came while the thread waited. */
        public void recordInterrupt() {
            interrupted = true;
        }

        /** Return whether an interrupt came while the thread waited. */
        public boolean wasInterrupted() {
            return interrupted;
        }
    }

    /** Registered and not yet left, in arrival order. */
    private final List<Waiter> waiters = new ArrayList<>();
    /** How many times a signal went out to some waiter, so that one can tell a wake-up nobody sent. */
    private long wakeUps;

    /** Register a new waiter; the caller still holds the condition's lock, so no signal can be missed. */
    public Waiter enter() {
        Waiter waiter = new Waiter();
        waiters.add(waiter);
        return waiter;
    }

    /** Unregister {@code waiter}, however its wait ended. */
    public void leave(Waiter waiter) {
        waiters.remove(waiter);
    }

    /**
     * Offer one signal to every waiter not yet signalled, unless the free signals they were offered
     * already cover them all (then, as the JDK's {@code signal()} with nobody left in the condition
     * queue, it does nothing); return whether there is a waiter to wake.
     */
    public boolean signal() {
        if (waitingCount() == 0) {
            return false;
        }
        Signal signal = new Signal();
        for (Waiter waiter : waiters) {
            if (!waiter.signalled) {
                waiter.offers.add(signal);
            }
        }
        wakeUps++;
        return true;
    }

    /** Signal every waiter; return whether any was not signalled before, and so is to be woken. */
    public boolean signalAll() {
        boolean any = false;
        for (Waiter waiter : waiters) {
            any |= !waiter.signalled;
            waiter.signalled = true;
        }
        if (any) {
            wakeUps++;
        }
        return any;
    }

    /** Take the waiter's signal, or the oldest free signal it was offered; return whether it is signalled now. */
    public boolean takeSignal(Waiter waiter) {
        for (int i = 0; !waiter.signalled && i < waiter.offers.size(); i++) {
            Signal offer = waiter.offers.get(i);
            if (!offer.taken) {
                offer.taken = true;
                waiter.signalled = true;
            }
        }
        return waiter.signalled;
    }

    /** Return how many times {@link #signal()} or {@link #signalAll()} had a waiter to wake. */
    public long wakeUps() {
        return wakeUps;
    }

    /**
     * Return how many waiters no signal is on its way to: those not signalled, less the free signals
     * offered to them, each of which one of them will take. It is what the JDK counts as still in the
     * condition queue, since its {@code signal()} moves a waiter out of it at once.
     */
    public int waitingCount() {
        int unsignalled = 0;
        List<Signal> free = new ArrayList<>();
        for (Waiter waiter : waiters) {
            if (!waiter.signalled) {
                unsignalled++;
                for (Signal offer : waiter.offers) {
                    if (!offer.taken && !free.contains(offer)) {
                        free.add(offer);
                    }
                }
            }
        }
        return Math.max(unsignalled - free.size(), 0);
    }
}
