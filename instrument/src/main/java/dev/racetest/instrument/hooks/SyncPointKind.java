package dev.racetest.instrument.hooks;

/**
 * The families of synchronisation points the instrumenter rewrites into hook calls.
 *
 * <p>Every rewritten instruction is registered once as a {@link SyncSite} with one of these kinds;
 * the scheduler uses the kind to describe a step in a report and, later, to decide which operations
 * conflict.
 */
public enum SyncPointKind {
    FIELD_READ("read"),
    FIELD_WRITE("write"),
    VOLATILE_READ("volatile read"),
    VOLATILE_WRITE("volatile write"),
    ARRAY_READ("array read"),
    ARRAY_WRITE("array write"),
    MONITOR_ENTER("lock"),
    MONITOR_EXIT("unlock"),
    WAIT("wait"),
    NOTIFY("notify"),
    NOTIFY_ALL("notifyAll"),
    THREAD_START("start"),
    THREAD_JOIN("join"),
    THREAD_SLEEP("sleep"),
    THREAD_YIELD("yield"),
    THREAD_INTERRUPT("interrupt"),
    ATOMIC("atomic"),
    /** A call into {@code java.util.concurrent}, {@code LockSupport}, {@code VarHandle} or {@code Unsafe}. */
    LIBRARY_CALL("calls"),
    /** A JDK call that may block and that racetest can end by a virtual timeout or a spurious wake-up. */
    BLOCKING_CALL("waits in");

    private final String verb;

    SyncPointKind(String verb) {
        this.verb = verb;
    }

    /** Returns the short word a report uses for this kind of step, such as {@code "read"}. */
    public String verb() {
        return verb;
    }

    /** Returns whether this kind reads or writes memory (a field or an array element). */
    public boolean isMemoryAccess() {
        return switch (this) {
            case FIELD_READ, FIELD_WRITE, VOLATILE_READ, VOLATILE_WRITE, ARRAY_READ, ARRAY_WRITE -> true;
            default -> false;
        };
    }
}
