package dev.racetest.scheduler;

/**
 * Figures about one exploration, for report entries and the JSON summary.
 *
 * @param executions            executions run, abandoned ones included
 * @param abandoned             executions a strategy ended early because the rest had been explored (DPOR sleep sets)
 * @param distinctInterleavings distinct interleavings among the others: by Mazurkiewicz trace for DPOR, else by schedule
 * @param maxSteps              the most scheduling steps one execution took
 * @param meanSteps             the mean number of steps per execution
 * @param maxThreads            the most controlled threads one execution had
 * @param executionsPerSecond   executions divided by wall time
 * @param coveredShare          for sampling strategies, the Good–Turing estimate of the probability that
 *                              the next execution repeats an interleaving already seen (1 − interleavings seen
 *                              once ÷ executions): near 1, more sampling finds little new; NaN for exhaustive ones
 * @param fractionDone          for exhaustive strategies, the estimated share of the space explored (1 when
 *                              complete); NaN for sampling ones
 */
public record Statistics(int executions, int abandoned, int distinctInterleavings, int maxSteps, double meanSteps,
                         int maxThreads, double executionsPerSecond, double coveredShare, double fractionDone) {

    /** No executions. */
    public static final Statistics NONE = new Statistics(0, 0, 0, 0, 0, 0, 0, Double.NaN, Double.NaN);
}
