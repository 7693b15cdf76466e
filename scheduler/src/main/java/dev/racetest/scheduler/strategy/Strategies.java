package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.Strategy;

/** Builds the strategy an exploration is configured with. */
public final class Strategies {

    private Strategies() {
    }

    /**
     * Returns the strategy an exhaustive run continues from {@code checkpoint} (made by
     * {@link ExhaustiveStrategy#checkpoint()} under the same settings).
     *
     * @throws IllegalArgumentException when the checkpoint is not one of this strategy's
     */
    public static ExhaustiveStrategy restore(ExplorationSettings settings, String checkpoint) {
        return switch (settings.strategy()) {
            case DFS -> DfsStrategy.restore(checkpoint);
            case DPOR -> DporStrategy.restore(checkpoint);
            default -> throw new IllegalArgumentException(settings.strategy().configName() + " keeps no checkpoints");
        };
    }

    /** The exhaustive strategies take 0 for "unbounded"; the settings say -1. */
    private static int exhaustiveBound(ExplorationSettings settings) {
        return Math.max(0, settings.preemptionBound());
    }

    /** Returns a fresh strategy for {@code settings}, seeded with its seed. */
    public static Strategy create(ExplorationSettings settings) {
        return switch (settings.strategy()) {
            case RANDOM -> new RandomWalkStrategy(settings.seed());
            case PCT -> new PctStrategy(settings.seed(), settings.pctDepth());
            case POS -> new PosStrategy(settings.seed());
            case SURW -> new SurwStrategy(settings.seed());
            case PORTFOLIO -> new PortfolioStrategy(settings.seed());
            case DFS -> new DfsStrategy(settings.seed(), exhaustiveBound(settings), settings.shard());
            case DPOR -> new DporStrategy(settings.seed(), exhaustiveBound(settings), settings.shard());
        };
    }
}
