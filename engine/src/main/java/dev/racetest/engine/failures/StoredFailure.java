package dev.racetest.engine.failures;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One failing schedule the failure database remembers for a test.
 *
 * @param token           the schedule token, as in the failure report's replay line
 * @param headline        the failure's headline when it was stored, for people reading the file
 * @param outcome         the kind of failure, such as {@code ThreadFailed} or {@code Deadlock}
 * @param recorded        when it was stored
 * @param racetestVersion the racetest version that stored it, when known
 * @param fingerprint     the settings it was recorded under
 */
record StoredFailure(String token, String headline, String outcome, Instant recorded,
                     Optional<String> racetestVersion, ReplayFingerprint fingerprint) {

    StoredFailure {
        Objects.requireNonNull(token, "token must not be null");
        Objects.requireNonNull(headline, "headline must not be null");
        Objects.requireNonNull(outcome, "outcome must not be null");
        Objects.requireNonNull(recorded, "recorded must not be null");
        Objects.requireNonNull(racetestVersion, "racetestVersion must not be null");
        Objects.requireNonNull(fingerprint, "fingerprint must not be null");
    }
}
