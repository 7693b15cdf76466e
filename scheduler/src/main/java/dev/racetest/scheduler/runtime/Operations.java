package dev.racetest.scheduler.runtime;

import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.Operation;
import dev.racetest.scheduler.Operation.Access;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Classifies a candidate's pending operation as an {@link Operation}, numbering the objects it
 * touches in order of first mention in the execution, so that the same schedule gives the same numbers.
 *
 * <p>The classification errs towards conflict: whatever racetest cannot see into is
 * {@link Access#UNKNOWN}, and calls into the concurrency library on objects whose state is not
 * self-contained (locks, queues, latches, which share state with conditions, futures and each other)
 * all touch one location, {@link Operation#JDK_STATE}. Confined to the execution's carrier.
 */
final class Operations {

    /** Field numbers, by the field's "Owner.name" target, shared by every execution of the JVM. */
    private static final ConcurrentHashMap<String, Integer> FIELD_NUMBERS = new ConcurrentHashMap<>();

    private final java.util.function.Function<Thread, ControlledThread> threadOf;
    private final IdentityHashMap<Object, Integer> objectNumbers = new IdentityHashMap<>();
    /** Static fields have no owner object: each is a location of its own, keyed by its name. */
    private final Map<String, Integer> staticFieldNumbers = new HashMap<>();
    private int nextObject = Operation.JDK_STATE + 1;

    /** {@code threadOf} finds the controlled thread user code knows by a {@code Thread} object, or null. */
    Operations(java.util.function.Function<Thread, ControlledThread> threadOf) {
        this.threadOf = threadOf;
    }

    Operation classify(ControlledThread thread, Choice.Move move) {
        int id = thread.id;
        if (move != Choice.Move.RUN) {
            return unknown(id);
        }
        return switch (thread.pending) {
            case START, SLEEP, NONE -> new Operation(id, Access.NONE, 0, -1);
            case RESUME, IN_JDK -> unknown(id);
            case MONITOR_ENTER, WAIT -> monitor(id, thread.pendingMonitor.object);
            case JOIN -> new Operation(id, Access.JOIN, 0, thread.joinTarget.id);
            case STEP -> step(thread);
        };
    }

    private Operation step(ControlledThread thread) {
        int id = thread.id;
        if (thread.pendingSite < 0) {
            return unknown(id);
        }
        SyncSite site = SyncSites.get(thread.pendingSite);
        Object target = thread.pendingTarget;
        SyncPointKind kind = site.kind();
        return switch (kind) {
            case FIELD_READ, VOLATILE_READ, FIELD_WRITE, VOLATILE_WRITE -> {
                Access access = kind == SyncPointKind.FIELD_READ || kind == SyncPointKind.VOLATILE_READ
                        ? Access.READ : Access.WRITE;
                int object = target == null ? staticField(site.target()) : number(target);
                yield new Operation(id, access, location(object, fieldNumber(site.target())), -1);
            }
            case ARRAY_READ, ARRAY_WRITE -> new Operation(id,
                    kind == SyncPointKind.ARRAY_READ ? Access.READ : Access.WRITE,
                    location(number(target), thread.pendingIndex), -1);
            case MONITOR_ENTER, MONITOR_EXIT, WAIT, NOTIFY, NOTIFY_ALL ->
                    target == null ? unknown(id) : monitor(id, target);
            case THREAD_START, THREAD_SLEEP, THREAD_YIELD -> new Operation(id, Access.NONE, 0, -1);
            case ATOMIC, LIBRARY_CALL, BLOCKING_CALL -> libraryCall(id, target);
            case THREAD_INTERRUPT -> interrupt(id, target);
            case THREAD_JOIN -> unknown(id);
        };
    }

    /**
     * A call into the JDK (or on an atomic): an atomic or a synchronized collection keeps all its state
     * to itself; a VarHandle, Unsafe or field updater reaches into user objects racetest cannot name
     * here, so it conflicts with everything; every other j.u.c. object may share state with others.
     */
    private Operation libraryCall(int id, Object target) {
        if (target == null) {
            return unknown(id);
        }
        String type = target.getClass().getName();
        if (type.startsWith("java.lang.invoke.") || type.contains("Unsafe") || type.contains("FieldUpdater")) {
            return unknown(id);
        }
        if (type.startsWith("java.util.concurrent.atomic.") || type.equals("java.util.Vector")
                || type.equals("java.util.Hashtable") || type.equals("java.util.Stack")
                || type.equals("java.util.Properties") || type.startsWith("java.util.Collections$Synchronized")) {
            return whole(id, number(target));
        }
        return whole(id, Operation.JDK_STATE);
    }

    /** An interrupt of a thread of this execution conflicts with that thread's steps; of any other, with everything. */
    private Operation interrupt(int id, Object target) {
        ControlledThread interrupted = target instanceof Thread thread ? threadOf.apply(thread) : null;
        return interrupted == null ? unknown(id) : new Operation(id, Access.INTERRUPT, 0, interrupted.id);
    }

    private Operation monitor(int id, Object object) {
        return new Operation(id, Access.SYNC, location(number(object), Operation.MONITOR), -1);
    }

    private static Operation whole(int id, int object) {
        return new Operation(id, Access.WRITE, location(object, Operation.WHOLE_OBJECT), -1);
    }

    private static Operation unknown(int id) {
        return new Operation(id, Access.UNKNOWN, 0, -1);
    }

    private int number(Object object) {
        Integer existing = objectNumbers.get(object);
        if (existing != null) {
            return existing;
        }
        int number = nextObject++;
        objectNumbers.put(object, number);
        return number;
    }

    private int staticField(String name) {
        return staticFieldNumbers.computeIfAbsent(name, ignored -> nextObject++);
    }

    private static int fieldNumber(String name) {
        return FIELD_NUMBERS.computeIfAbsent(name, ignored -> FIELD_NUMBERS.size());
    }

    private static long location(int object, int facet) {
        return ((long) object << 32) | (facet & 0xFFFF_FFFFL);
    }
}
