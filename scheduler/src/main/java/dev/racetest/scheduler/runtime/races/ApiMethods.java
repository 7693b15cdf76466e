package dev.racetest.scheduler.runtime.races;

import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.instrument.hooks.SyncSites;

import java.util.Arrays;
import java.util.Set;

/**
 * Whether a call on an object of a JDK class that is not thread-safe reads or writes it, from the
 * method's name alone (the site's target, such as {@code Map.put}); looked up once per site for the whole
 * JVM.
 *
 * <p>Reads: the queries and the calls that only look ({@code get*}, {@code contains*}, {@code size},
 * {@code isEmpty}, {@code peek*}, {@code first*}/{@code last*}, the navigation of sorted collections,
 * {@code indexOf}, {@code iterator} and the other views, {@code forEach}, {@code stream},
 * {@code toArray}, {@code toString}, {@code equals}, {@code hashCode}, {@code charAt}/{@code length}/
 * {@code substring}..., and an iterator's {@code hasNext}/{@code next}/{@code previous}). A name not in the
 * table is a write. That is the safe side for these classes: a write can only be reported against
 * another access the two threads do not order, which is a bug for an object that is not thread-safe
 * anyway, whereas an unknown mutator taken for a read would hide the race of two of them. The
 * {@code java.text} formats' {@code format} and {@code parse} are writes, as their internal calendar
 * and buffers are. Two known reads that write inside the JDK are reads here: {@code get} on an
 * access-ordered {@code LinkedHashMap} (it reorders; which order a map was built with is not public)
 * and {@code WeakHashMap}'s queries (they expunge cleared entries).
 *
 * <p>The cache is a {@code byte} array by site id, written from any carrier without locks: every writer
 * stores the same value for a site, and a slot lost to a concurrent grow is computed again.
 */
public final class ApiMethods {

    private static final byte READ = 1;
    private static final byte WRITE = 2;
    private static final byte UNCHECKED = 3;

    /** The first word of the name ({@code contains} of {@code containsKey}) of the calls that only read. */
    private static final Set<String> READ_PREFIXES = Set.of("get", "contains", "peek", "first", "last",
            "ceiling", "floor", "higher", "lower", "head", "tail", "sub", "descending", "sequenced", "index",
            "lastIndex", "has", "is", "next", "previous", "to", "code", "char", "compare", "length", "capacity",
            "stream", "parallel", "spliterator", "iterator", "list", "key", "value", "entry", "element", "equals",
            "hash", "navigable", "clone", "size", "cardinality", "intersects", "for", "comparator", "chars",
            "reversed", "substring", "values", "keys", "elements", "describe");

    private static volatile byte[] bySite = new byte[1024];

    private ApiMethods() {
    }

    /** Returns whether the call at {@code site} writes the object it is made on. */
    public static boolean isWrite(int site) {
        return kind(site) == WRITE;
    }

    /**
     * Returns whether the call at {@code site} is racetest's own code (the substitutes, whose collections
     * are guarded by modelled monitors, as their fields are; see {@link FieldKeys}), not the user's races
     * to report.
     */
    public static boolean isUnchecked(int site) {
        return kind(site) == UNCHECKED;
    }

    private static byte kind(int site) {
        byte[] cache = bySite;
        if (site < cache.length && cache[site] != 0) {
            return cache[site];
        }
        return lookUp(site);
    }

    private static byte lookUp(int site) {
        SyncSite described = SyncSites.get(site);
        String target = described.target();
        byte kind = described.className().startsWith("dev.racetest.substitutes.") ? UNCHECKED
                : isWrite(target.substring(target.lastIndexOf('.') + 1)) ? WRITE : READ;
        byte[] cache = bySite;
        if (site >= cache.length) {
            cache = Arrays.copyOf(cache, Math.max(site + 1, cache.length * 2));
            bySite = cache;
        }
        cache[site] = kind;
        return kind;
    }

    /** Whether a method of this name writes: whatever is not known to only read does. */
    static boolean isWrite(String method) {
        int end = 0;
        while (end < method.length() && Character.isLowerCase(method.charAt(end))) {
            end++;
        }
        String firstWord = method.substring(0, end);
        return !READ_PREFIXES.contains(firstWord);
    }
}
