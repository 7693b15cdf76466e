package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.Operation;
import dev.racetest.scheduler.Seeds;
import dev.racetest.scheduler.Strategy;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Partial order sampling (Yuan, Yang and Gu, "Partial Order Aware Concurrency Sampling", CAV 2018).
 *
 * <p>Every thread's pending operation carries a random priority, drawn uniformly from {@code [0, 1)}
 * when the thread first shows it. At every decision the highest-priority candidate runs. After each
 * step, the operation just performed is gone, so its thread's next operation draws a fresh priority;
 * and every other candidate whose operation {@linkplain Operation#conflictsWith conflicts} with the one
 * performed draws a fresh priority too. That re-draw is what sets POS apart from a random walk: which
 * of two racing operations goes first stays a fresh coin toss each time the race is touched, while
 * operations that commute keep their relative order, so executions that differ only in the order of
 * independent steps are not sampled over and over. No parameter to choose: the priorities are
 * continuous, ties have probability zero.
 *
 * <p>Racetest shows a strategy only the candidates of a decision, so a thread blocked during the
 * conflicting step (waiting for a monitor, say) keeps the priority it had, where the paper would
 * re-draw it too; a step during which a static initialiser ran touched more than its operation says,
 * so it re-draws every candidate. Timeouts, spurious wake-ups and which waiter a {@code notify} wakes
 * are drawn as {@link WaitEndings} says, not by priority.
 *
 * <p>Execution {@code i} is a function of the run's seed, {@code i} (through
 * {@link Seeds#executionSeed}) and the lengths of this strategy's earlier executions.
 */
public final class PosStrategy implements Strategy {

    private static final double NONE = -1;

    private final long runSeed;
    private LengthEstimate length = new LengthEstimate();

    private long executionSeed;
    private SplittableRandom random;
    /** Priority of each thread's pending operation, by thread id; {@link #NONE} until drawn (again). */
    private double[] priorities = new double[8];
    /** {@link Choice#stepsInsideInitialisers()} at the previous step, to see a step that ran one. */
    private int initialiserSteps;

    public PosStrategy(long runSeed) {
        this.runSeed = runSeed;
    }

    @Override
    public boolean beginExecution(int index) {
        length.beginExecution();
        executionSeed = Seeds.executionSeed(runSeed, index);
        random = new SplittableRandom(executionSeed);
        Arrays.fill(priorities, NONE);
        initialiserSteps = 0;
        return true;
    }

    @Override
    public int choose(Choice choice) {
        if (choice.decision() == Choice.Decision.NOTIFY_WAITER) {
            return WaitEndings.chooseWaiter(choice, random);
        }
        length.countDecision();
        int ending = WaitEndings.choose(choice, random, length.expected());
        if (ending != WaitEndings.RUN_INSTEAD) {
            return ending;
        }
        int best = -1;
        double bestPriority = NONE;
        for (int position = 0; position < choice.size(); position++) {
            if (WaitEndings.runs(choice, position)) {
                double priority = priorityOf(choice.threadId(position));
                if (priority > bestPriority) {
                    best = position;
                    bestPriority = priority;
                }
            }
        }
        return best;
    }

    @Override
    public boolean observesSteps() {
        return true; // a step taken without a decision still consumes its thread's operation
    }

    @Override
    public void stepTaken(Choice choice, int position) {
        int chosen = choice.threadId(position);
        boolean initialiserRan = choice.stepsInsideInitialisers() != initialiserSteps;
        initialiserSteps = choice.stepsInsideInitialisers();
        if (choice.size() > 1) {
            Operation performed = initialiserRan ? null : choice.operation(position);
            for (int other = 0; other < choice.size(); other++) {
                if (other != position && (performed == null || performed.conflictsWith(choice.operation(other)))) {
                    forget(choice.threadId(other));
                }
            }
        }
        forget(chosen);
    }

    /** Returns the priority of {@code thread}'s pending operation, drawing it if it has none. */
    private double priorityOf(int thread) {
        grow(thread);
        if (priorities[thread] == NONE) {
            priorities[thread] = random.nextDouble();
        }
        return priorities[thread];
    }

    private void forget(int thread) {
        grow(thread);
        priorities[thread] = NONE;
    }

    private void grow(int thread) {
        if (thread >= priorities.length) {
            int old = priorities.length;
            priorities = Arrays.copyOf(priorities, Math.max(thread + 1, old * 2));
            Arrays.fill(priorities, old, priorities.length, NONE);
        }
    }

    /** Returns the priority {@code thread}'s pending operation has now, or -1 when it has none yet; for tests. */
    double currentPriority(int thread) {
        return thread < priorities.length ? priorities[thread] : NONE;
    }

    @Override
    public Strategy fork() {
        PosStrategy fork = new PosStrategy(runSeed);
        fork.length = length.fork();
        return fork;
    }

    @Override
    public void absorb(Strategy fork) {
        length.absorb(((PosStrategy) fork).length);
    }

    @Override
    public long executionSeed() {
        return executionSeed;
    }
}
