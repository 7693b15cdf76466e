package dev.racetest.scheduler.strategy;

/**
 * How many decisions an execution of the test takes, learned from earlier executions: the longest
 * seen so far, or a guess before the first one has ended.
 *
 * <p>Only {@link dev.racetest.scheduler.Choice.Decision#NEXT_THREAD} decisions with at least two
 * candidates count, which is what {@link dev.racetest.scheduler.Strategy#choose} is called for. One
 * instance belongs to one strategy, so the count follows that strategy's own executions.
 */
final class LengthEstimate {

    /**
     * The guess for execution 0. The small programs a race test usually drives take tens to a few
     * hundred decisions; a guess too small crowds random events into the first part of the first
     * execution, one too large lets some fall after its end, and either costs that one execution only.
     */
    static final int INITIAL_GUESS = 100;

    /** The longest execution that has ended, in decisions; 0 before the first has. */
    private int longest;
    /** Decisions of the current execution so far. */
    private int current;

    /** Folds the execution that just ended into the estimate and starts counting a new one. */
    void beginExecution() {
        longest = Math.max(longest, current);
        current = 0;
    }

    /** Returns an estimate that knows what this one knows, the execution under way included, for a fork. */
    LengthEstimate fork() {
        LengthEstimate copy = new LengthEstimate();
        copy.longest = Math.max(longest, current);
        return copy;
    }

    /** Takes in what {@code fork} learned, its last execution included. */
    void absorb(LengthEstimate fork) {
        longest = Math.max(longest, Math.max(fork.longest, fork.current));
    }

    /** Counts one decision of the current execution and returns its 1-based number. */
    int countDecision() {
        return ++current;
    }

    /** Returns the number of decisions an execution is expected to take, at least 1. */
    int expected() {
        return longest > 0 ? longest : INITIAL_GUESS;
    }
}
