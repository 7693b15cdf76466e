package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.Shard;
import dev.racetest.scheduler.strategy.dpor.TreeSearch;

import java.util.OptionalLong;

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
public final class DporStrategy implements ExhaustiveStrategy {

    private final TreeSearch search;

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
        this.search = search;
    }

    /**
     * Continues the exploration {@link #checkpoint()} saved; it reaches the same totals as a run that was never stopped.
     *
     * @throws IllegalArgumentException when the text is not a checkpoint of this strategy
     */
    public static DporStrategy restore(String checkpoint) {
        return new DporStrategy(TreeSearch.restore(checkpoint, TreeSearch.Reduction.SOURCE_DPOR));
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
