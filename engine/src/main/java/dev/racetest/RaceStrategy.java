package dev.racetest;

/**
 * Choose how a {@link RaceTest} explores interleavings, from {@link RaceTest#strategy()}.
 *
 * <p>The configuration name of each strategy (the value {@code racetest.strategy} accepts) is its
 * name in lower case. Most tests should leave this alone: the default portfolio finds most bugs
 * fastest, and {@code -Dracetest.mode=exhaustive} switches a whole run to DPOR.
 */
public enum RaceStrategy {

    /** Use the strategy configured with {@code racetest.strategy}, or the mode's ({@link #PORTFOLIO} by default). */
    CONFIGURED,

    /** Rotate PCT at several depths, POS, SURW and random walk across executions: the default. */
    PORTFOLIO,

    /**
     * Pick uniformly at random among the runnable threads at every scheduling point, driven by the
     * seed, so the same seed explores the same interleavings.
     */
    RANDOM,

    /**
     * Probabilistic concurrency testing: random thread priorities changed at a few random points, which
     * finds a bug of depth d with probability at least 1/(n·k^(d−1)) per execution (n threads, k steps);
     * the depth is {@code racetest.pctDepth}.
     */
    PCT,

    /** Partial order sampling: random priorities per pending operation, re-drawn for conflicting ones. */
    POS,

    /** Selectively uniform random walk: threads weighted by how many interesting steps they have left. */
    SURW,

    /** Depth-first search over every decision: exhaustive and without reduction; for small tests. */
    DFS,

    /**
     * Dynamic partial order reduction: every distinct interleaving once (two interleavings that only
     * reorder independent steps count as one); when it runs out, the test passes every interleaving.
     */
    DPOR
}
