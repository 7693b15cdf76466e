package dev.racetest.engine.config;

import java.util.Locale;

/**
 * What the failure database ({@code racetest.failures}) does for a test: it remembers each failing
 * schedule under {@code racetest.failures.dir} and replays what it remembers before exploring.
 */
public enum FailuresMode {

    /** Replay the stored failing schedules first, then explore as usual; store new failures. The default. */
    REPLAY_FIRST("replay-first"),
    /**
     * Replay only the stored failing schedules, and explore nothing; a test with none stored runs no
     * execution and passes, with a report entry saying so. Failures are still stored and dropped.
     */
    REPLAY_ONLY("replay-only"),
    /** Neither read nor write the database. */
    OFF("off");

    private final String configName;

    FailuresMode(String configName) {
        this.configName = configName;
    }

    /** Returns the name used in configuration values, such as {@code replay-first}. */
    public String configName() {
        return configName;
    }

    /** Parses a configuration name, ignoring case; throws {@link IllegalArgumentException} without a message otherwise. */
    static FailuresMode fromConfigName(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (FailuresMode mode : values()) {
            if (mode.configName.equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException();
    }
}
