package dev.racetest.instrument.hooks;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Sites registered at run time for an access that a call site turns out to make: a {@code VarHandle} or
 * field-updater call is one site in the bytecode, but which field or array it touches is known only when
 * it runs. Each (call site, variable, kind) gets one site of its own, with the call site's class, method
 * and line, and the variable as target and field, so the race detector and the strategies key it like a
 * direct access of the same field.
 */
final class DerivedSites {

    private record Key(int site, String variable, SyncPointKind kind) {
    }

    private static final ConcurrentHashMap<Key, Integer> SITES = new ConcurrentHashMap<>();

    private DerivedSites() {
    }

    /**
     * Returns the id of the site for an access of kind {@code kind} to {@code variable} at call site {@code site}.
     *
     * @param field  the field as its declaring class names it ({@code com.acme.Account.balance}), or {@code null}
     *               for an array element
     * @param target what reports show, such as {@code Account.balance} or {@code long[]}
     */
    static int of(int site, String field, String target, SyncPointKind kind) {
        return SITES.computeIfAbsent(new Key(site, field != null ? field : target, kind), key -> {
            SyncSite call = SyncSites.get(site);
            return SyncSites.register(kind, call.className(), call.methodName(), call.sourceFile(), call.line(),
                    target, field, false).id();
        });
    }

    /** Returns {@code Type.field} for a field named {@code com.acme.Type.field}, as field-access sites show it. */
    static String simpleName(String field) {
        int dot = field.lastIndexOf('.');
        String type = field.substring(0, dot);
        return type.substring(type.lastIndexOf('.') + 1) + field.substring(dot);
    }
}
