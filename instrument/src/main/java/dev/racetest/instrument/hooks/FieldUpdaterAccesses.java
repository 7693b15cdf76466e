package dev.racetest.instrument.hooks;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * Turn a call on an atomic field updater ({@code AtomicIntegerFieldUpdater}, {@code AtomicLongFieldUpdater},
 * {@code AtomicReferenceFieldUpdater}) into the access of the volatile field it makes, so that it
 * synchronises with direct reads and writes of that field, as the memory model says it does. Without
 * this, an updater's compare-and-set and a direct volatile read of the same field were two unrelated
 * things to the race detector, and whatever the field published looked racy.
 *
 * <p>An updater cannot tell which field it updates, so rewritten code reports each one as it is made
 * ({@link #created}) with the class and field name passed to {@code newUpdater}. An updater made where
 * racetest does not see it (inside the JDK or an uninstrumented library) stays what it was before: an
 * atomic operation on the updater object itself.
 */
public final class FieldUpdaterAccesses {

    /** Updater to field, named as its declaring class does; weak keys let the updaters' classes go. */
    private static final Map<Object, String> FIELDS = new WeakHashMap<>();

    private FieldUpdaterAccesses() {
    }

    /** After {@code newUpdater(type, ..., field)} returned {@code updater}; returns it for the caller. */
    public static Object created(Object updater, Class<?> type, String field) {
        if (updater != null && type != null && field != null) {
            String name = declaringName(type, field);
            synchronized (FIELDS) {
                FIELDS.put(updater, name);
            }
        }
        return updater;
    }

    /**
     * Before {@code updater.name(target, ...)} at {@code site}.
     *
     * @param write whether the method writes the field ({@code set}, {@code lazySet}, every read-modify-write)
     */
    public static void access(Object updater, Object target, boolean write, int site) {
        String field;
        synchronized (FIELDS) {
            field = FIELDS.get(updater);
        }
        if (field == null || target == null) {
            Hooks.atomic(updater, site);
            return;
        }
        SyncPointKind kind = write ? SyncPointKind.VOLATILE_WRITE : SyncPointKind.VOLATILE_READ;
        Hooks.handler(site).fieldAccess(target, write, DerivedSites.of(site, field, DerivedSites.simpleName(field), kind));
    }

    /** The field as the class that declares it names it; {@code newUpdater} itself only accepts a field of {@code type}. */
    private static String declaringName(Class<?> type, String field) {
        return type.getName() + "." + field;
    }
}
