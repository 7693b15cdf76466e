package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.Strategy;

import java.util.OptionalLong;

/**
 * A strategy that explores a space exhaustively (DFS, DPOR): it can say how far it got, be stopped
 * and resumed from a {@linkplain #checkpoint() checkpoint}, and name the trace of each execution.
 *
 * <p>Every method here is meant to be called between executions (after an execution ran, before the
 * next {@link #beginExecution}); each one first settles the execution that just ended.
 */
public interface ExhaustiveStrategy extends Strategy {

    /** Returns how many executions ran to their end and count: one per trace explored. */
    long completeExecutions();

    /**
     * Returns how many executions were abandoned ({@link Strategy#ABANDON}): everything after that
     * point had been explored before (a sleep set), or it belongs to another shard.
     */
    long abandonedExecutions();

    /**
     * Returns how many executions ran to their end without counting: forced through a step that
     * repeats explored traces where no choice was left to abandon it, or, on a shard, a short
     * execution another shard owns. Their verdicts repeat ones already seen or due elsewhere.
     */
    long uncountedExecutions();

    /** Returns whether the last execution is one of {@link #completeExecutions()}. */
    boolean lastExecutionCounts();

    /**
     * Returns the fingerprint of the last execution's Mazurkiewicz trace (equal for two executions
     * exactly when they are in one trace, up to hash collisions), or empty when it did not count.
     */
    OptionalLong lastTraceFingerprint();

    /** Returns whether the whole space has been explored. */
    boolean isComplete();

    /** Returns an estimate, between 0 and 1, of the fraction of the space explored so far, for an ETA. */
    double estimatedFractionDone();

    /** Returns the state of the exploration as compact text; a {@code restore} method of the same strategy continues from it. */
    String checkpoint();
}
