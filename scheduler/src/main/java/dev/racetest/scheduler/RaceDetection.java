package dev.racetest.scheduler;

import java.util.Objects;
import java.util.Set;

/**
 * How data races are detected in one test.
 *
 * @param mode         fail, warn or off
 * @param benignFields fields whose races are not reported, each as its declaring class names it:
 *                     {@code com.acme.Type.field} (a nested class with {@code $}); fields annotated
 *                     {@code @dev.racetest.BenignRace} are skipped as well, without being listed here
 */
public record RaceDetection(RaceMode mode, Set<String> benignFields) {

    public RaceDetection {
        Objects.requireNonNull(mode, "mode must not be null");
        benignFields = Set.copyOf(benignFields);
    }

    /** Returns the default: races fail the test, no field is declared benign by configuration. */
    public static RaceDetection defaults() {
        return new RaceDetection(RaceMode.FAIL, Set.of());
    }

    public RaceDetection withMode(RaceMode newMode) {
        return new RaceDetection(newMode, benignFields);
    }

    public RaceDetection withBenignFields(Set<String> newBenignFields) {
        return new RaceDetection(mode, newBenignFields);
    }
}
