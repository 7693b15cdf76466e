package dev.racetest.scheduler.runtime.races;

/**
 * The shadows of one object's locations (its fields by field number, or its elements by index), or of
 * every static field: an open-addressing table from {@code int} keys to {@link Shadow}s, so that a
 * lookup neither boxes nor allocates.
 */
final class LocationTable {

    private int[] keys = new int[4];
    private Shadow[] shadows = new Shadow[4];
    private int size;
    /** For a JDK object accessed through its API: its number in the execution, from 1; 0 otherwise. */
    int apiNumber;

    /** Returns the shadow of location {@code key}, creating it on first access. */
    Shadow get(int key) {
        int mask = shadows.length - 1;
        int slot = mix(key) & mask;
        while (true) {
            Shadow shadow = shadows[slot];
            if (shadow == null) {
                return insert(key, slot);
            }
            if (keys[slot] == key) {
                return shadow;
            }
            slot = (slot + 1) & mask;
        }
    }

    private Shadow insert(int key, int slot) {
        if ((size + 1) * 4 > shadows.length * 3) {
            grow();
            return get(key);
        }
        Shadow shadow = new Shadow();
        keys[slot] = key;
        shadows[slot] = shadow;
        size++;
        return shadow;
    }

    private void grow() {
        int[] oldKeys = keys;
        Shadow[] oldShadows = shadows;
        keys = new int[oldKeys.length * 2];
        shadows = new Shadow[oldShadows.length * 2];
        int mask = shadows.length - 1;
        for (int i = 0; i < oldShadows.length; i++) {
            if (oldShadows[i] != null) {
                int slot = mix(oldKeys[i]) & mask;
                while (shadows[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                shadows[slot] = oldShadows[i];
            }
        }
    }

    private static int mix(int key) {
        return key * 0x9E37_79B9 >>> 16 ^ key;
    }
}
