package dev.racetest.scheduler;

/**
 * What racetest does when the test body returns but threads it started can never end
 * ({@link Outcome.LeakedThreads}). Whatever the mode, those threads are torn down with the execution.
 */
public enum LeakMode {
    /** The execution fails with {@link Outcome.LeakedThreads} (the default). */
    FAIL("fail"),
    /** The first leak of the run is reported beside the result; the test does not fail because of it. */
    WARN("warn"),
    /** Leaks are not reported. */
    OFF("off");

    private final String configName;

    LeakMode(String configName) {
        this.configName = configName;
    }

    /** Returns the name the {@code racetest.leaks} configuration parameter uses, such as {@code fail}. */
    public String configName() {
        return configName;
    }
}
