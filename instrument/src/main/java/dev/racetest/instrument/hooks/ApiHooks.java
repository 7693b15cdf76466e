package dev.racetest.instrument.hooks;

/**
 * Give rewritten code's calls on the JDK's classes that are not thread-safe to the race detector: each
 * call is a read or write of the receiver ({@link ApiClass} says which classes; the scheduler, which,
 * from the method's name). Nothing here is a scheduling point: a race is two unordered accesses, found in
 * whatever order they ran, and a point per {@code HashMap} call would multiply the steps of every test
 * that uses one on a single thread.
 *
 * <p>Uncontrolled threads are ignored, as at field accesses: there is no execution to check against.
 */
public final class ApiHooks {

    private ApiHooks() {
    }

    /** Before a call on {@code receiver}; a {@code null} receiver is left to the call, which throws. */
    public static void call(Object receiver, int site) {
        if (receiver == null) {
            return;
        }
        ApiClass type = ApiClass.of(receiver.getClass());
        if (type.kind() == ApiClass.NONE) {
            return;
        }
        SyncPointHandler handler = Hooks.boundHandler();
        if (handler != null && (type.kind() != ApiClass.SUBCLASS || type.counts(method(site)))) {
            handler.apiAccess(receiver, type.kind() == ApiClass.VIEW, site);
        }
    }

    /** Before {@code super.m(...)} from a user's subclass of a tracked class: always the JDK's code. */
    public static void superCall(Object receiver, int site) {
        SyncPointHandler handler = Hooks.boundHandler();
        if (handler != null && ApiClass.of(receiver.getClass()).kind() == ApiClass.SUBCLASS) {
            handler.apiAccess(receiver, false, site);
        }
    }

    /** After a call that may have returned a view of {@code receiver} ({@code keySet()}, {@code iterator()}...). */
    public static void viewReturned(Object result, Object receiver) {
        returned(result, receiver, false);
    }

    /** After an iterator's {@code next()}/{@code previous()}, which may have returned a map's own entry. */
    public static void entryReturned(Object result, Object receiver) {
        returned(result, receiver, true);
    }

    private static void returned(Object result, Object receiver, boolean entry) {
        if (result == null || result == receiver || ApiClass.of(result.getClass()).kind() != ApiClass.VIEW) {
            return;
        }
        int receiverKind = ApiClass.of(receiver.getClass()).kind();
        SyncPointHandler handler = Hooks.boundHandler();
        if (receiverKind != ApiClass.NONE && handler != null) {
            handler.apiView(result, receiver, receiverKind == ApiClass.VIEW, entry);
        }
    }

    private static String method(int site) {
        String target = SyncSites.get(site).target();
        return target.substring(target.lastIndexOf('.') + 1);
    }
}
