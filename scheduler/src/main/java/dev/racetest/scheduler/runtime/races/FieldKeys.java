package dev.racetest.scheduler.runtime.races;

import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.instrument.hooks.SyncSites;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What racetest needs to know of a field-access site (the race detector, and the conflict model
 * strategies see through {@link #fieldNumber}), looked up once per site for the whole JVM:
 * the field's number (one per declared field, so {@code Sub.x} and {@code Base.x} are one location),
 * whether it is volatile, and whether it is racetest's own code (the substitutes, whose plain fields
 * are guarded by modelled monitors and are not the user's races to report).
 *
 * <p>The cache is an {@code int} array indexed by site id, read and written from any carrier without
 * locks: every writer stores the same value for a site, and a slot lost to a concurrent grow is
 * computed again.
 */
public final class FieldKeys {

    static final int VOLATILE = 1;
    static final int UNCHECKED = 2;
    private static final int FLAGS = 2;

    private static final ConcurrentHashMap<String, Integer> NUMBERS = new ConcurrentHashMap<>();
    /** By site id: {@code (number << FLAGS | flags) + 1}, or 0 when not looked up yet. */
    private static volatile int[] bySite = new int[1024];

    private FieldKeys() {
    }

    /** Returns {@code number << 2 | flags} for the field-access site {@code site}. */
    static int of(int site) {
        int[] cache = bySite;
        if (site < cache.length) {
            int known = cache[site];
            if (known != 0) {
                return known - 1;
            }
        }
        return lookUp(site);
    }

    static int number(int key) {
        return key >>> FLAGS;
    }

    /**
     * Returns the number of the field the access site {@code site} reads or writes: one per declared
     * field, whichever class the access names it through.
     */
    public static int fieldNumber(int site) {
        return number(of(site));
    }

    private static int lookUp(int site) {
        SyncSite described = SyncSites.get(site);
        String field = described.field() != null ? described.field() : described.target();
        int number = NUMBERS.computeIfAbsent(field, ignored -> NUMBERS.size());
        SyncPointKind kind = described.kind();
        int flags = (kind == SyncPointKind.VOLATILE_READ || kind == SyncPointKind.VOLATILE_WRITE ? VOLATILE : 0)
                | (described.className().startsWith("dev.racetest.substitutes.") ? UNCHECKED : 0);
        int key = number << FLAGS | flags;
        int[] cache = bySite;
        if (site >= cache.length) {
            cache = Arrays.copyOf(cache, Math.max(site + 1, cache.length * 2));
            bySite = cache;
        }
        cache[site] = key + 1;
        return key;
    }
}
