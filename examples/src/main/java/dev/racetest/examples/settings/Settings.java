package dev.racetest.examples.settings;

import java.util.HashMap;
import java.util.Map;

/**
 * Application settings, loaded once on first use (lazily, because loading reads files).
 *
 * <p>The bug: two threads that ask at the same time can both see {@code null} and both load, so two
 * instances exist and the load runs twice. Only the first use in a JVM can race, which is why a harness
 * that reuses statics between runs would see it once at most; racetest loads the program afresh for
 * every execution.
 */
public final class Settings {

    private static Settings instance;
    private static int loads;

    private final Map<String, String> values = new HashMap<>();

    private Settings() {
        loads++;
        values.put("currency", "EUR");
    }

    public static Settings get() {
        if (instance == null) {
            instance = new Settings();
        }
        return instance;
    }

    public static int loads() {
        return loads;
    }

    public String value(String key) {
        return values.get(key);
    }
}
