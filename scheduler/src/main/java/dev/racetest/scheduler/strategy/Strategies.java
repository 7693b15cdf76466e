package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.Strategy;

/** Builds the strategy an exploration is configured with. */
public final class Strategies {

    private Strategies() {
    }

    /** Returns a fresh strategy for {@code settings}, seeded with its seed. */
    public static Strategy create(ExplorationSettings settings) {
        return switch (settings.strategy()) {
            case RANDOM -> new RandomWalkStrategy(settings.seed());
            default -> new RandomWalkStrategy(settings.seed()); // TEMPORARY until the strategies land
        };
    }
}
