package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.strategy.dpor.TreeSearch;

import java.util.OptionalLong;

/**
 * An {@link ExhaustiveStrategy} that is one {@link TreeSearch}: {@link DfsStrategy} without reduction,
 * {@link DporStrategy} with source-DPOR. Everything but how the search is built is the same, so it
 * lives here once.
 */
public abstract sealed class TreeSearchStrategy implements ExhaustiveStrategy permits DfsStrategy, DporStrategy {

    private final TreeSearch search;

    TreeSearchStrategy(TreeSearch search) {
        this.search = search;
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
