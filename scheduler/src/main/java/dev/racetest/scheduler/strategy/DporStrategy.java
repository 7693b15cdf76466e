package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.Shard;
import dev.racetest.scheduler.strategy.dpor.TreeSearch;

/**
 * Explores every Mazurkiewicz trace exactly once, by source-DPOR with sleep sets (Abdulla, Aronis,
 * Jonsson, Sagonas: "Optimal dynamic partial order reduction", POPL 2014): an execution is run, its
 * races (conflicting steps of different threads, Operation#conflictsWith, with vector-clock
 * happens-before from program order, thread creation, join and conflicts) are reversed by opening a
 * branch at the state before the first step, and executions that could only repeat explored traces are
 * abandoned (Strategy#ABANDON). Timeouts, spurious wake-ups and the waiter a {@code notify} wakes are
 * branched over fully.
 *
 * <p>Optionally bounded in preemptions (bounded POR, Coons, Musuvathi, McKinley, OOPSLA 2013) and split
 * into shards; see {@link TreeSearch} for both.
 */
public final class DporStrategy extends TreeSearchStrategy {

    /** The whole space, unbounded. */
    public DporStrategy(long runSeed) {
        this(runSeed, 0, Shard.WHOLE);
    }

    /**
     * @param runSeed         the seed every execution uses (identity hashes, random numbers)
     * @param preemptionBound at most this many preemptions per execution; 0 or negative: unbounded
     * @param shard           the part of the space this instance explores
     */
    public DporStrategy(long runSeed, int preemptionBound, Shard shard) {
        this(new TreeSearch(TreeSearch.Reduction.SOURCE_DPOR, runSeed, preemptionBound, shard));
    }

    private DporStrategy(TreeSearch search) {
        super(search);
    }

    /**
     * Continues the exploration {@link #checkpoint()} saved; it reaches the same totals as a run that was never stopped.
     *
     * @throws IllegalArgumentException when the text is not a checkpoint of this strategy
     */
    public static DporStrategy restore(String checkpoint) {
        return new DporStrategy(TreeSearch.restore(checkpoint, TreeSearch.Reduction.SOURCE_DPOR));
    }
}
