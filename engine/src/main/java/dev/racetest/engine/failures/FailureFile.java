package dev.racetest.engine.failures;

import dev.racetest.engine.json.JsonReader;
import dev.racetest.scheduler.Schedule;
import dev.racetest.scheduler.report.JsonWriter;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text of one failure-database file: the test it belongs to and its stored failures, newest
 * first, as JSON a person can read and a tool can parse.
 *
 * <pre>{@code
 * {
 *   "test": "com.acme.BankTests#transfer",
 *   "failures": [
 *     {"token": "rt1....", "headline": "...", "outcome": "ThreadFailed", "recorded": "2026-11-22T05:01:10Z",
 *      "statics": "fresh", "spuriousWakeups": 1, "maxSteps": 100000, "races": "fail", "leaks": "fail"}
 *   ]
 * }
 * }</pre>
 */
final class FailureFile {

    private FailureFile() {
    }

    /** Returns the file's text for {@code failures} of {@code test} ({@code Class#method}). */
    static String format(String test, List<StoredFailure> failures) {
        StringBuilder out = new StringBuilder(256 + 256 * failures.size());
        out.append("{\n  \"test\": ").append(JsonWriter.quote(test)).append(",\n  \"failures\": [");
        for (int i = 0; i < failures.size(); i++) {
            StoredFailure failure = failures.get(i);
            ReplayFingerprint fingerprint = failure.fingerprint();
            out.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"token\": ").append(JsonWriter.quote(failure.token()))
                    .append(",\n     \"headline\": ").append(JsonWriter.quote(failure.headline()))
                    .append(",\n     \"outcome\": ").append(JsonWriter.quote(failure.outcome()))
                    .append(",\n     \"recorded\": ").append(JsonWriter.quote(failure.recorded().toString()));
            failure.racetestVersion().ifPresent(version ->
                    out.append(",\n     \"racetestVersion\": ").append(JsonWriter.quote(version)));
            out.append(",\n     \"statics\": ").append(JsonWriter.quote(fingerprint.statics()))
                    .append(", \"spuriousWakeups\": ").append(fingerprint.spuriousWakeups())
                    .append(", \"maxSteps\": ").append(fingerprint.maxSteps())
                    .append(", \"races\": ").append(JsonWriter.quote(fingerprint.races()))
                    .append(", \"leaks\": ").append(JsonWriter.quote(fingerprint.leaks()))
                    .append('}');
        }
        return out.append(failures.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    /**
     * Parses a file's text.
     *
     * @throws IllegalArgumentException with a short reason when the text is not such a file
     */
    static List<StoredFailure> parse(String text) {
        if (!(JsonReader.parse(text) instanceof Map<?, ?> file)) {
            throw new IllegalArgumentException("it is not a JSON object");
        }
        if (!(file.get("failures") instanceof List<?> entries)) {
            throw new IllegalArgumentException("it has no \"failures\" list");
        }
        List<StoredFailure> failures = new ArrayList<>(entries.size());
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> fields)) {
                throw new IllegalArgumentException("an entry of \"failures\" is not an object");
            }
            failures.add(failure(fields));
        }
        return failures;
    }

    private static StoredFailure failure(Map<?, ?> fields) {
        String token = string(fields, "token");
        try {
            Schedule.parse(token);
        } catch (IllegalArgumentException unusable) {
            throw new IllegalArgumentException("an entry's token is not valid: " + unusable.getMessage());
        }
        Instant recorded;
        try {
            recorded = Instant.parse(string(fields, "recorded"));
        } catch (DateTimeParseException notADate) {
            throw new IllegalArgumentException("an entry's \"recorded\" is not an ISO-8601 instant");
        }
        Optional<String> version = fields.get("racetestVersion") instanceof String text ? Optional.of(text) : Optional.empty();
        ReplayFingerprint fingerprint = new ReplayFingerprint(string(fields, "statics"),
                number(fields, "spuriousWakeups"), number(fields, "maxSteps"), string(fields, "races"),
                string(fields, "leaks"));
        return new StoredFailure(token, string(fields, "headline"), string(fields, "outcome"), recorded, version,
                fingerprint);
    }

    private static String string(Map<?, ?> fields, String name) {
        if (fields.get(name) instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("an entry has no string \"" + name + "\"");
    }

    private static int number(Map<?, ?> fields, String name) {
        if (fields.get(name) instanceof Long number && number >= 0 && number <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        throw new IllegalArgumentException("an entry has no whole number \"" + name + "\"");
    }
}
