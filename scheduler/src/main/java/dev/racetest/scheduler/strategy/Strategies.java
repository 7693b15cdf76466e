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
            case PCT -> new PctStrategy(settings.seed(), settings.pctDepth());
            case POS -> new PosStrategy(settings.seed());
            case SURW -> new SurwStrategy(settings.seed());
            case PORTFOLIO -> new PortfolioStrategy(settings.seed());
            default -> new RandomWalkStrategy(settings.seed()); // TEMPORARY until DFS and DPOR land
        };
    }
}
