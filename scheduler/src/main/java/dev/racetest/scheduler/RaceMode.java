package dev.racetest.scheduler;

/** What racetest does when two threads access the same variable without happens-before. */
public enum RaceMode {
    /** The execution fails with {@link Outcome.DataRace} at the second access (the default). */
    FAIL("fail"),
    /** The first race of the run is reported beside the result; the test does not fail because of it. */
    WARN("warn"),
    /** No race detection: nothing is tracked, nothing is reported. */
    OFF("off");

    private final String configName;

    RaceMode(String configName) {
        this.configName = configName;
    }

    /** Returns the name the {@code racetest.races} configuration parameter uses, such as {@code fail}. */
    public String configName() {
        return configName;
    }
}
