package dev.racetest.scheduler;

/**
 * Decides the order in which controlled threads run.
 *
 * <p>The runtime calls {@link #beginExecution} before each execution, then {@link #choose} at every
 * decision that has at least two candidates, all on the execution's single carrier thread.
 * A strategy must be a pure function of its seed, the index and the choices it is shown: it never reads
 * clocks and never iterates identity-hashed collections, so a schedule is reproducible.
 *
 * <p>A strategy that needs to see every step, including those where only one thread could run (DPOR
 * tracks happens-before through them), says so with {@link #observesSteps()}.
 */
public interface Strategy {

    /** What {@link #choose} returns to abandon the execution: everything after this point was explored before. */
    int ABANDON = -1;

    /**
     * Prepares execution {@code index} (0-based).
     *
     * @return {@code false} when the strategy has nothing left to explore
     */
    boolean beginExecution(int index);

    /**
     * Returns the position within {@code choice} (not the thread id) of the candidate to choose, or
     * {@link #ABANDON} to end the execution here without a verdict (it then counts as neither passed
     * nor failed).
     */
    int choose(Choice choice);

    /** Returns the seed of the current execution, recorded in its {@link Schedule}. */
    long executionSeed();

    /**
     * Returns a strategy that can run one execution on another carrier at the same time as this one
     * runs others, knowing what this one has learned so far; or {@code null} (the default) when the
     * strategy's executions must run one after another (DPOR's next execution depends on the last).
     *
     * <p>Executions of a forking strategy run in fixed-size epochs: every execution of an epoch runs
     * on a fork taken at the epoch's start, and the forks are {@linkplain #absorb absorbed} in execution
     * order at its end. So the executions, and the first failure, are the same whatever the parallelism.
     */
    default Strategy fork() {
        return null;
    }

    /** Takes in what {@code fork}, made by {@link #fork()} on this strategy, learned from its execution. */
    default void absorb(Strategy fork) {
    }

    /** Returns whether {@link #stepTaken} should be called; asked once per execution. */
    default boolean observesSteps() {
        return false;
    }

    /**
     * Called, when {@link #observesSteps()}, for every step the execution takes, right before the
     * chosen candidate performs it: {@code position} is the one {@link #choose} returned, or 0 when
     * there was a single candidate. Not called for {@link Choice.Decision#NOTIFY_WAITER} decisions.
     */
    default void stepTaken(Choice choice, int position) {
    }
}
