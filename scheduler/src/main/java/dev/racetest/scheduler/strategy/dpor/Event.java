package dev.racetest.scheduler.strategy.dpor;

import dev.racetest.scheduler.Operation;

/**
 * One step of the current execution, as the race analysis and the fingerprint need it.
 *
 * <p>{@code operation} may be widened to {@link Operation.Access#UNKNOWN} after the fact, when the step
 * turned out to run static initialisers.
 */
final class Event {

    /** {@link #role}: not a monitor operation racetest can place. */
    static final byte OTHER = 0;
    /** {@link #role}: takes a monitor ({@code synchronized} entry). */
    static final byte ENTER = 1;
    /** {@link #role}: takes a monitor back on returning from {@code wait}, which released it inside the thread's previous step. */
    static final byte WAIT_RETURN = 2;
    /** {@link #role}: a {@code notify} or {@code notifyAll}, which only the monitor's owner can do. */
    static final byte NOTIFY = 3;

    final int thread;
    Operation operation;
    /** Its position among its thread's steps, from 0. */
    final int local;
    /** The index of the frame of the state this step was taken from. */
    final int frame;
    /** The thread's previous event, or -1. */
    final int previousOfThread;
    /** The step after which this thread became a candidate (its creation, a release, a join target's end), or -1. */
    final int enabler;
    /** Steps inside static initialisers counted when this step was taken. */
    final int initialiserStepsAtStart;
    /** What it does to the monitor at its location, when its operation is {@code SYNC}: {@link #ENTER}, ... */
    final byte role;
    /** Happens-before vector clock, filled by the analysis: entry t counts thread t's events before or equal to this one. */
    int[] clock;
    /** The same without the enabling edges but creation: the trace's own happens-before, for the fingerprint. */
    int[] traceClock;

    Event(int thread, Operation operation, int local, int frame, int previousOfThread, int enabler,
          int initialiserStepsAtStart, byte role) {
        this.thread = thread;
        this.operation = operation;
        this.local = local;
        this.frame = frame;
        this.previousOfThread = previousOfThread;
        this.enabler = enabler;
        this.initialiserStepsAtStart = initialiserStepsAtStart;
        this.role = role;
    }

    boolean acquires() {
        return role == ENTER || role == WAIT_RETURN;
    }

    /** Whether this event happens before (or is) the event whose clock is {@code clock}. */
    boolean isIn(int[] clock) {
        return thread < clock.length && clock[thread] > local;
    }
}
