package dev.racetest.examples.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.RaceTest;

/** Two request threads read the settings at start-up; the settings must load once. */
class SettingsRaceTest {

    /**
     * Bug: the lazy initialisation races, and only on the first use in a JVM. racetest reports the data
     * race on {@code instance}; with {@code racetest.races=off}, the second load it causes.
     */
    @RaceTest
    void settingsLoadOnce() throws InterruptedException {
        Thread first = new Thread(Settings::get, "request-1");
        Thread second = new Thread(Settings::get, "request-2");
        first.start();
        second.start();
        first.join();
        second.join();
        assertThat(Settings.loads()).as("settings loads").isEqualTo(1);
    }

    /** Correct twin: the holder idiom. */
    @RaceTest
    void holderSettingsLoadOnce() throws InterruptedException {
        Thread first = new Thread(HolderSettings::get, "request-1");
        Thread second = new Thread(HolderSettings::get, "request-2");
        first.start();
        second.start();
        first.join();
        second.join();
        assertThat(HolderSettings.loads()).as("settings loads").isEqualTo(1);
    }
}
