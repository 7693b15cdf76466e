package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.Seeds;
import dev.racetest.scheduler.Strategy;

import java.util.SplittableRandom;

/**
 * Picks uniformly among the enabled threads at every decision.
 *
 * <p>Execution {@code i} draws from a generator seeded with {@link Seeds#executionSeed(long, int)}, so
 * any execution can be reproduced alone from the run's seed and its index. Random walk finds shallow
 * ordering bugs quickly but has no coverage guarantee; PCT and DPOR (later strategies) do better on deep ones.
 */
public final class RandomWalkStrategy implements Strategy {

    private final long runSeed;
    private long executionSeed;
    private SplittableRandom random;

    public RandomWalkStrategy(long runSeed) {
        this.runSeed = runSeed;
    }

    @Override
    public boolean beginExecution(int index) {
        executionSeed = Seeds.executionSeed(runSeed, index);
        random = new SplittableRandom(executionSeed);
        return true;
    }

    @Override
    public int choose(Choice choice) {
        return random.nextInt(choice.size());
    }

    /** Random walk learns nothing: a fork is a new walker with the same run seed. */
    @Override
    public Strategy fork() {
        return new RandomWalkStrategy(runSeed);
    }

    @Override
    public long executionSeed() {
        return executionSeed;
    }
}
