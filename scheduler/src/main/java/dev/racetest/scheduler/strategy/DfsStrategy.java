package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.Shard;
import dev.racetest.scheduler.strategy.dpor.TreeSearch;

/**
 * Explores every decision exhaustively, depth first: every candidate, every timeout or spurious
 * wake-up, every waiter a {@code notify} may wake. No reduction at all, so it is the reference the
 * reducing strategies are tested against, and runs one execution per path of the decision tree.
 *
 * <p>Deterministic: at a new decision it first lets the previous thread go on, then takes the other
 * candidates in ascending thread-id order. Optionally bounded in preemptions and split into shards
 * (see {@link TreeSearch}).
 */
public final class DfsStrategy extends TreeSearchStrategy {

    /** The whole space, unbounded. */
    public DfsStrategy(long runSeed) {
        this(runSeed, 0, Shard.WHOLE);
    }

    /**
     * @param runSeed         the seed every execution uses (identity hashes, random numbers)
     * @param preemptionBound at most this many preemptions per execution; 0 or negative: unbounded
     * @param shard           the part of the space this instance explores
     */
    public DfsStrategy(long runSeed, int preemptionBound, Shard shard) {
        this(new TreeSearch(TreeSearch.Reduction.NONE, runSeed, preemptionBound, shard));
    }

    private DfsStrategy(TreeSearch search) {
        super(search);
    }

    /**
     * Continues the exploration {@link #checkpoint()} saved; it reaches the same totals as a run that was never stopped.
     *
     * @throws IllegalArgumentException when the text is not a checkpoint of this strategy
     */
    public static DfsStrategy restore(String checkpoint) {
        return new DfsStrategy(TreeSearch.restore(checkpoint, TreeSearch.Reduction.NONE));
    }
}
