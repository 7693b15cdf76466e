package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.Seeds;
import dev.racetest.scheduler.Strategy;

import java.util.List;

/**
 * Rotates several sampling strategies across executions, so one test gets the strengths of each
 * without anyone having to know which bug it hides; the default for {@code @RaceTest}.
 *
 * <p>Execution {@code i} is run by the sub-strategy at {@code i mod 6} of this rotation:
 * <ol start="0">
 *   <li>{@link RandomWalkStrategy}: many preemptions, and the quickest on shallow bugs and on bugs that
 *       need a timeout to fire early;</li>
 *   <li>{@link SurwStrategy}: near-uniform over the orders of the accesses that conflict, the best on
 *       deep ordering bugs among many threads (reorder with 10 and 50 setters);</li>
 *   <li>{@link PosStrategy}: good all round, best at races among many independent steps;</li>
 *   <li>{@link SurwStrategy} again;</li>
 *   <li>{@link PctStrategy} with depth 3: two preemptions, for order violations across three events;</li>
 *   <li>{@link PctStrategy} with depth 2: one preemption at a random point, with PCT's guarantee.</li>
 * </ol>
 * The order and weights come from the bug-finding benchmark ({@code ./mvnw -q -Pbugbench verify}): a
 * sub-strategy that runs one execution in m makes the portfolio's executions-to-first-bug about m times
 * its own on bugs only it finds, so the one that wins the deep bugs (SURW) runs one in three, and random
 * walk, which wins the shallow ones in one to three executions, runs first. PCT with depth 1 (no
 * preemption) found none of the benchmark's bugs that the others did not find sooner, so it is left out.
 *
 * <p>Each sub-strategy is built with the run's seed and is asked to begin execution {@code i} itself,
 * so its execution seed is {@link Seeds#executionSeed Seeds.executionSeed(seed, i)} as for any
 * strategy, and it learns (the length of an execution, which accesses conflict) only from the
 * executions it ran. Execution {@code i} is therefore a function of the seed, {@code i} and the earlier
 * executions.
 */
public final class PortfolioStrategy implements Strategy {

    private final List<Strategy> rotation;
    /** Whether this is a fork: its executions run on forks of the rotation's strategies, taken when each begins. */
    private final boolean forked;
    private int turn;
    private Strategy current;

    public PortfolioStrategy(long runSeed) {
this(List.of(
                new RandomWalkStrategy(runSeed),
                new SurwStrategy(runSeed),
                new PosStrategy(runSeed),
                new SurwStrategy(runSeed),
                new PctStrategy(runSeed, 3),
                new PctStrategy(runSeed, 2)));
    }

    private PortfolioStrategy(List<Strategy> rotation) {
        this(rotation, false);
    }

    private PortfolioStrategy(List<Strategy> rotation, boolean forked) {
        this.rotation = rotation;
        this.forked = forked;
    }

    @Override
    public boolean beginExecution(int index) {
        turn = index % rotation.size();
        current = forked ? rotation.get(turn).fork() : rotation.get(turn);
        return current.beginExecution(index);
    }

    @Override
    public int choose(Choice choice) {
        return current.choose(choice);
    }

    /**
     * A fork runs its execution on a fork of the sub-strategy whose turn it is, taken when the execution
     * begins (so only that one is copied); the rotation itself is only read until the forks are absorbed.
     */
    @Override
    public Strategy fork() {
        return new PortfolioStrategy(rotation, true);
    }

    /** Only the sub-strategy that ran the fork's execution learned anything. */
    @Override
    public void absorb(Strategy fork) {
        PortfolioStrategy ran = (PortfolioStrategy) fork;
        if (ran.current != null) {
            rotation.get(ran.turn).absorb(ran.current);
        }
    }

    @Override
    public long executionSeed() {
        return current.executionSeed();
    }

    @Override
    public boolean observesSteps() {
        return current.observesSteps();
    }

    @Override
    public void stepTaken(Choice choice, int position) {
        current.stepTaken(choice, position);
    }

    /** Returns the sub-strategy running the current execution, for tests. */
    Strategy current() {
        return current;
    }
}
