package dev.racetest.engine.summary;

import dev.racetest.engine.json.JsonReader;
import dev.racetest.scheduler.report.JsonWriter;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON summary of one test's exploration, written next to its failure report as
 * {@code <reportDir>/<class>.<method>[.shard-i-of-n].json} for tools (and for {@link MergeShards}).
 *
 * <p>The format is one flat JSON object of strings, numbers, booleans and nulls, so any JSON library
 * reads it; {@link #parse} uses racetest's own {@link JsonReader}.
 */
public final class RunSummary {

    private final Map<String, Object> fields;

    private RunSummary(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** Starts an empty summary; fields keep the order they are put in. */
    public static RunSummary empty() {
        return new RunSummary(new LinkedHashMap<>());
    }

    /** Sets {@code key} to a string, a number, a boolean or {@code null}. */
    public RunSummary put(String key, Object value) {
        if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new IllegalArgumentException("a summary holds strings, numbers, booleans and nulls, not " + value.getClass());
        }
        fields.put(key, value instanceof Double d && (d.isNaN() || d.isInfinite()) ? null : value);
        return this;
    }

    public Object get(String key) {
        return fields.get(key);
    }

    public String string(String key) {
        Object value = fields.get(key);
        return value == null ? null : value.toString();
    }

    public long number(String key) {
        Object value = fields.get(key);
        return value instanceof Number n ? n.longValue() : 0;
    }

    public boolean bool(String key) {
        return Boolean.TRUE.equals(fields.get(key));
    }

    /** Returns the summary as pretty-printed JSON, one field per line. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\n");
        int left = fields.size();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            json.append("  ").append(JsonWriter.quote(field.getKey())).append(": ").append(value(field.getValue()));
            json.append(--left > 0 ? ",\n" : "\n");
        }
        return json.append("}\n").toString();
    }

    private static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return JsonWriter.quote(text);
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        return value.toString();
    }

    /**
     * Reads a summary written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException saying where the text stops being such a summary
     */
    public static RunSummary parse(String json) {
        Object parsed;
        try {
            parsed = JsonReader.parse(json);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("not a racetest summary: " + malformed.getMessage(), malformed);
        }
        if (!(parsed instanceof Map<?, ?> object)) {
            throw new IllegalArgumentException("not a racetest summary: it is not one JSON object");
        }
        RunSummary summary = empty();
        for (Map.Entry<?, ?> field : object.entrySet()) {
            if (field.getValue() instanceof Map<?, ?> || field.getValue() instanceof java.util.List<?>) {
                throw new IllegalArgumentException("not a racetest summary: " + field.getKey() + " is not a plain value");
            }
            summary.put((String) field.getKey(), field.getValue());
        }
        return summary;
    }
}
