package dev.racetest.examples.sessions;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps the open sessions by id. Not thread-safe: request threads register sessions into a plain
 * {@code HashMap}, whose {@code put} may resize the table while another {@code put} is inside it; the
 * usual result is a lost entry, sometimes a corrupted table. racetest reports the two {@code put}
 * calls at the first interleaving where they are unordered, whether or not that one loses anything.
 */
public final class SessionRegistry {

    private final Map<String, String> sessions = new HashMap<>();

    public void register(String id, String user) {
        sessions.put(id, user);
    }

    public int size() {
        return sessions.size();
    }
}
