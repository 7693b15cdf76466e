package dev.racetest.scheduler;

/**
 * Settings for tests of exploration itself (strategies, counts, checkpoints), whose small programs
 * race on purpose: with race detection on, the first unordered access would end each execution as a
 * data race, before the interleaving under test showed its verdict or reached its end.
 */
public final class NoRaces {

    /** Race detection turned off. */
    public static final RaceDetection OFF = RaceDetection.defaults().withMode(RaceMode.OFF);

    private NoRaces() {
    }

    /** Returns the default settings with race detection off. */
    public static ExplorationSettings settings() {
        return ExplorationSettings.defaults().withRaces(OFF);
    }
}
