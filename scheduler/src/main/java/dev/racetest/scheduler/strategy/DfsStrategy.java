package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.Shard;
import dev.racetest.scheduler.strategy.dpor.TreeSearch;

import java.util.OptionalLong;

/**
 * Explores every decision exhaustively, depth first: every candidate, every timeout or spurious
 * wake-up, every waiter a {@code notify} may wake. No reduction at all, so it is the reference the
 * reducing strategies are tested against, and runs one execution per path of the decision tree.
 *
 * <p>Deterministic: at a new decision it first lets the previous thread go on, then takes the other
 * candidates in ascending thread-id order. Optionally bounded in preemptions and split into shards
 * (see {@link TreeSearch}).
 */
public final class DfsStrategy implements ExhaustiveStrategy {

    private final TreeSearch search;

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
        this.search = search;
    }

    /**
     * Continues the exploration {@link #checkpoint()} saved; it reaches the same totals as a run that was never stopped.
     *
     * @throws IllegalArgumentException when the text is not a checkpoint of this strategy
     */
    public static DfsStrategy restore(String checkpoint) {
        return new DfsStrategy(TreeSearch.restore(checkpoint, TreeSearch.Reduction.NONE));
    }

    @Override
    public boolean beginExecution(int index) {
        return search.beginExecution();
    }

    @Override
    public int choose(Choice choice) {
        return search.choose(choice);
    }

    @Override
    public long executionSeed() {
        return search.executionSeed();
    }

    @Override
    public boolean observesSteps() {
        return true;
    }

    @Override
    public void stepTaken(Choice choice, int position) {
        search.stepTaken(choice, position);
    }

    @Override
    public long completeExecutions() {
        return search.completeExecutions();
    }

    @Override
    public long abandonedExecutions() {
        return search.abandonedExecutions();
    }

    @Override
    public long uncountedExecutions() {
        return search.uncountedExecutions();
    }

    @Override
    public boolean lastExecutionCounts() {
        return search.lastExecutionCounts();
    }

    @Override
    public OptionalLong lastTraceFingerprint() {
        return search.lastTraceFingerprint();
    }

    @Override
    public boolean isComplete() {
        return search.isComplete();
    }

    @Override
    public double estimatedFractionDone() {
        return search.estimatedFractionDone();
    }

    @Override
    public String checkpoint() {
        return search.checkpoint();
    }
}
