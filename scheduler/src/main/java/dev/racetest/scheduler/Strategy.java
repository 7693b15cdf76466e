package dev.racetest.scheduler;

/**
 * Decides the order in which controlled threads run.
 *
 * <p>The runtime calls {@link #beginExecution} before each execution, then {@link #choose} at every
 * decision that has at least two enabled threads, all on the execution's single carrier thread.
 * A strategy must be a pure function of its seed, the index and the choices it is shown: it never reads
 * clocks and never iterates identity-hashed collections, so a schedule is reproducible.
 */
public interface Strategy {

    /**
     * Prepares execution {@code index} (0-based).
     *
     * @return {@code false} when the strategy has nothing left to explore
     */
    boolean beginExecution(int index);

    /** Returns the position within {@code choice} (not the thread id) of the thread to run next. */
    int choose(Choice choice);

    /** Returns the seed of the current execution, recorded in its {@link Schedule}. */
    long executionSeed();
}
