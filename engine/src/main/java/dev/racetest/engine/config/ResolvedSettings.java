package dev.racetest.engine.config;

import dev.racetest.scheduler.ExplorationSettings;

import java.util.Objects;
import java.util.Optional;

/**
 * How one {@code @RaceTest} method is explored, after every source of settings was applied.
 *
 * @param exploration  the settings handed to the scheduler
 * @param randomSeed   whether the seed was picked at random because {@code random} was asked for
 * @param replayOrigin where the replayed schedule came from ({@code racetest.replay} or
 *                     {@code @RaceTest(replay)}), empty when the test explores
 * @param freshStatics whether every execution loads the program through a new class loader
 */
public record ResolvedSettings(ExplorationSettings exploration, boolean randomSeed, Optional<String> replayOrigin,
                               boolean freshStatics) {

    public ResolvedSettings {
        Objects.requireNonNull(exploration, "exploration must not be null");
        Objects.requireNonNull(replayOrigin, "replayOrigin must not be null");
    }

    /** Returns these settings with {@code newExploration} handed to the scheduler instead. */
    public ResolvedSettings withExploration(ExplorationSettings newExploration) {
        return new ResolvedSettings(newExploration, randomSeed, replayOrigin, freshStatics);
    }
}
