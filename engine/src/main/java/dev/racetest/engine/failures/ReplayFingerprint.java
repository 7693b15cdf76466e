package dev.racetest.engine.failures;

import dev.racetest.engine.config.ResolvedSettings;

import java.util.Objects;

/**
 * The settings a stored schedule needs to replay the run it was recorded from: they change which
 * decisions a run takes (class loading under fresh statics, the spurious wake-ups offered) or what
 * ends it (the step bound, whether a data race or a leaked thread fails). A schedule recorded under
 * other values is kept but not replayed: replayed under {@code races=warn}, a data race's schedule would
 * pass and be dropped as fixed.
 *
 * @param statics         {@code fresh} or {@code shared}
 * @param spuriousWakeups {@code racetest.spuriousWakeups}
 * @param maxSteps        {@code racetest.maxSteps}
 * @param races           {@code racetest.races}: {@code fail}, {@code warn} or {@code off}
 * @param leaks           {@code racetest.leaks}: {@code fail}, {@code warn} or {@code off}
 */
record ReplayFingerprint(String statics, int spuriousWakeups, int maxSteps, String races, String leaks) {

    ReplayFingerprint {
        Objects.requireNonNull(statics, "statics must not be null");
        Objects.requireNonNull(races, "races must not be null");
        Objects.requireNonNull(leaks, "leaks must not be null");
    }

    /** Returns the fingerprint of a test run with {@code settings}. */
    static ReplayFingerprint of(ResolvedSettings settings) {
        return new ReplayFingerprint(settings.freshStatics() ? "fresh" : "shared",
                settings.exploration().spuriousWakeups(), settings.exploration().maxSteps(),
                settings.exploration().races().mode().configName(), settings.exploration().leaks().configName());
    }

    /** Returns the settings as configuration values, such as {@code statics=fresh, spuriousWakeups=1, ...}. */
    String describe() {
        return "statics=" + statics + ", spuriousWakeups=" + spuriousWakeups + ", maxSteps=" + maxSteps
                + ", races=" + races + ", leaks=" + leaks;
    }
}
