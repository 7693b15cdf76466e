package dev.racetest.instrument;

import dev.racetest.instrument.hooks.Hooks;
import java.time.Duration;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;

/**
 * The {@link Hooks} methods rewritten bytecode calls, resolved by reflection once.
 *
 * <p>Resolving the real methods (instead of writing descriptors by hand) makes a signature change in
 * {@code Hooks} fail here, at class initialisation, rather than as a {@code NoSuchMethodError} in
 * rewritten user code.
 */
enum HookMethod {
    FIELD_READ("fieldRead", Object.class, int.class),
    FIELD_WRITE("fieldWrite", Object.class, int.class),
    ARRAY_READ("arrayRead", Object.class, int.class, int.class),
    ARRAY_WRITE("arrayWrite", Object.class, int.class, int.class),
    ATOMIC("atomic", Object.class, int.class),
    MONITOR_ENTER("monitorEnter", Object.class, int.class),
    MONITOR_EXIT("monitorExit", Object.class, int.class),
    OBJECT_WAIT("objectWait", Object.class, int.class),
    OBJECT_WAIT_MILLIS("objectWait", Object.class, long.class, int.class),
    OBJECT_WAIT_MILLIS_NANOS("objectWait", Object.class, long.class, int.class, int.class),
    OBJECT_NOTIFY("objectNotify", Object.class, int.class),
    OBJECT_NOTIFY_ALL("objectNotifyAll", Object.class, int.class),
    HOLDS_LOCK("holdsLock", Object.class),
    THREAD_START("threadStart", Thread.class, int.class),
    THREAD_JOIN("threadJoin", Thread.class, int.class),
    THREAD_JOIN_MILLIS("threadJoin", Thread.class, long.class, int.class),
    THREAD_JOIN_MILLIS_NANOS("threadJoin", Thread.class, long.class, int.class, int.class),
    THREAD_JOIN_DURATION("threadJoin", Thread.class, Duration.class, int.class),
    CURRENT_THREAD("currentThread"),
    THREAD_CREATED("threadCreated", Thread.class),
    SLEEP_MILLIS("sleep", long.class, int.class),
    SLEEP_MILLIS_NANOS("sleep", long.class, int.class, int.class),
    SLEEP_DURATION("sleep", Duration.class, int.class),
    YIELD("yield", int.class),
    ON_SPIN_WAIT("onSpinWait", int.class),
    INTERRUPT("interrupt", Thread.class, int.class),
    IS_INTERRUPTED("isInterrupted", Thread.class),
    INTERRUPTED("interrupted"),
    IS_ALIVE("isAlive", Thread.class),
    STATIC_INITIALIZER_ENTER("staticInitializerEnter"),
    STATIC_INITIALIZER_EXIT("staticInitializerExit");

    /** The owner of every hook method. */
    static final Type HOOKS = Type.getType(Hooks.class);

    private final Method method;

    HookMethod(String name, Class<?>... parameterTypes) {
        this.method = PublicMethods.resolve(Hooks.class, name, parameterTypes);
    }

    /** Return the hook as an ASM method, for {@code GeneratorAdapter.invokeStatic}. */
    Method method() {
        return method;
    }
}
