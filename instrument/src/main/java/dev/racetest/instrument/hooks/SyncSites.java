package dev.racetest.instrument.hooks;

import java.util.Arrays;

/**
 * The registry of every {@link SyncSite} the instrumenter has emitted, shared by all loaders of a JVM.
 *
 * <p>Registration happens while classes are rewritten (rarely, from any thread); lookups happen only
 * when a report is built. Site ids are baked into rewritten bytecode, so the registry only grows:
 * rewritten bytes cached and reused by a later loader still point at valid sites.
 */
public final class SyncSites {

    private static final Object LOCK = new Object();

    /** Copy-on-grow array; a published array is never written again at an index below {@link #size}. */
    private static volatile SyncSite[] sites = new SyncSite[1024];
    private static int size;

    private SyncSites() {
    }

    /** Registers a new site and returns it; its id is what rewritten code passes to {@link Hooks}. */
    public static SyncSite register(SyncPointKind kind, String className, String methodName,
                                    String sourceFile, int line, String target) {
        return register(kind, className, methodName, sourceFile, line, target, null, false);
    }

    /**
     * Registers a field-access site, naming the field as its declaring class does ({@code
     * com.acme.Account.balance}) and whether it is declared {@code @BenignRace}; see {@link SyncSite}.
     */
    public static SyncSite register(SyncPointKind kind, String className, String methodName,
                                    String sourceFile, int line, String target, String field, boolean benignRace) {
        synchronized (LOCK) {
            SyncSite site = new SyncSite(size, kind, className, methodName, sourceFile, line, target, field, benignRace);
            SyncSite[] current = sites;
            if (size == current.length) {
                current = Arrays.copyOf(current, current.length * 2);
            }
            current[size++] = site;
            sites = current; // volatile write publishes the filled slot to readers
            return site;
        }
    }

    /**
     * Returns the site with the given id.
     *
     * @throws IllegalArgumentException if no site has that id
     */
    public static SyncSite get(int id) {
        SyncSite[] current = sites;
        SyncSite site = id >= 0 && id < current.length ? current[id] : null;
        if (site == null) {
            throw new IllegalArgumentException("no sync site has id " + id);
        }
        return site;
    }
}
