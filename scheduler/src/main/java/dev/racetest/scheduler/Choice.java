package dev.racetest.scheduler;

import dev.racetest.instrument.hooks.SyncSite;

/**
 * What a strategy sees at one decision: the candidates, in ascending thread-id order, and the
 * operation each would perform next.
 *
 * <p>Most decisions pick the {@linkplain Decision#NEXT_THREAD thread that runs next}; a candidate
 * there may also be a waiting thread whose {@linkplain Move#TIME_OUT timeout expires} or which
 * {@linkplain Move#WAKE_SPURIOUSLY wakes spuriously} if chosen. Some decisions are not about order at
 * all: which waiter a {@code notify} wakes ({@link Decision#NOTIFY_WAITER}).
 *
 * <p>A thread appears in a decision for the first time right after the step that created it (the
 * thread that ran that step started it). The view is valid only during the call that receives it
 * (the runtime reuses it, so a decision allocates nothing); copy what must outlive the call.
 */
public interface Choice {

    /** What a decision decides. */
    enum Decision {
        /** Which candidate performs the next step. */
        NEXT_THREAD,
        /** Which of the threads waiting on a monitor a {@code notify} wakes; no step is taken by choosing. */
        NOTIFY_WAITER
    }

    /** What choosing a candidate of a {@link Decision#NEXT_THREAD} decision does. */
    enum Move {
        /** The thread performs its pending operation. */
        RUN,
        /** The thread's timed wait expires on the virtual clock, and it goes on. */
        TIME_OUT,
        /** The thread's wait ends spuriously, and it goes on. */
        WAKE_SPURIOUSLY
    }

    /** Returns what this decision decides. */
    Decision decision();

    /**
     * Returns how many candidates there are: at least 2 for {@link Strategy#choose}, since a decision
     * with one is no choice; 1 or more for {@link Strategy#stepTaken}.
     */
    int size();

    /** Returns the id of the candidate at {@code position}; ids are assigned in creation order, the test body is 0. */
    int threadId(int position);

    /** Returns the site of the operation the candidate at {@code position} would perform next, or {@code null} when it resumes from inside the JDK. */
    SyncSite pendingSite(int position);

    /** Returns what choosing the candidate at {@code position} does; always {@link Move#RUN} for {@link Decision#NOTIFY_WAITER}. */
    Move move(int position);

    /**
     * Returns what the candidate at {@code position} would do to shared state if chosen, for strategies
     * that reason about conflicts (POS, DPOR). Allocates; the other accessors do not.
     */
    Operation operation(int position);

    /** Returns the id of the thread that ran the previous step, or {@code -1} at the first decision. */
    int previousThreadId();

    /** Returns how many decisions (with at least two candidates) this execution has made before this one. */
    int decisionIndex();

    /** Returns how many steps this execution has taken before this one, counting steps without a choice. */
    int stepIndex();

    /**
     * Returns how many steps so far ran inside static initialisers, where a thread cannot be switched
     * out: they belong to the step that triggered the initialisation, which therefore touched more
     * than its {@link Operation} says. A strategy that tracks conflicts treats a step during which this
     * count grew as {@link Operation.Access#UNKNOWN}.
     */
    int stepsInsideInitialisers();
}
