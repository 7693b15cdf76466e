package dev.racetest.examples.sessions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The correct twin of {@link SessionRegistry}: a {@code ConcurrentHashMap} takes concurrent puts. */
public final class ConcurrentSessionRegistry {

    private final Map<String, String> sessions = new ConcurrentHashMap<>();

    public void register(String id, String user) {
        sessions.put(id, user);
    }

    public int size() {
        return sessions.size();
    }
}
