package dev.racetest.scheduler.runtime;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Names objects for reports as {@code SimpleClassName#n}, numbered per class in order of first
 * mention within one execution, so the same replay gives the same names (identity hash codes would not).
 */
final class ObjectLabels {

    private final IdentityHashMap<Object, String> labels = new IdentityHashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();

    String label(Object object) {
        if (object == null) {
            return "null";
        }
        String existing = labels.get(object);
        if (existing != null) {
            return existing;
        }
        String type = typeName(object.getClass());
        int number = counters.merge(type, 1, Integer::sum);
        String label = type + "#" + number;
        labels.put(object, label);
        return label;
    }

    private static String typeName(Class<?> type) {
        if (type.isArray()) {
            return typeName(type.getComponentType()) + "[]";
        }
        String simple = type.getSimpleName(); // empty for anonymous and hidden (lambda) classes
        if (!simple.isEmpty()) {
            return simple;
        }
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
