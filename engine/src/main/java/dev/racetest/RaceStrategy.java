package dev.racetest;

/**
 * Choose how a {@link RaceTest} explores interleavings, from {@link RaceTest#strategy()}.
 *
 * <p>The configuration name of each strategy (the value {@code racetest.strategy} accepts) is its
 * name in lower case.
 */
public enum RaceStrategy {

    /** Use the strategy configured with {@code racetest.strategy}, or the default ({@link #RANDOM}). */
    CONFIGURED,

    /**
     * Pick uniformly at random among the runnable threads at every scheduling point, driven by the
     * seed, so the same seed explores the same interleavings.
     */
    RANDOM
}
