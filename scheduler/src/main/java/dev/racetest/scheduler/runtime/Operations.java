package dev.racetest.scheduler.runtime;

import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.Operation;
import dev.racetest.scheduler.Operation.Access;
import dev.racetest.scheduler.runtime.races.FieldKeys;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

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

    /** What a call on an object of each class touches, as {@link #libraryCall} explains. */
    private static final ClassValue<Scope> SCOPES = new ClassValue<>() {
        @Override
        protected Scope computeValue(Class<?> type) {
            return scopeOf(type);
        }
    };

    /** What a call into the JDK on some object touches, as far as the conflict model can say. */
    private enum Scope {
        /** User objects racetest cannot name here: a VarHandle, Unsafe, a field updater. */
        UNKNOWN,
        /** Only the object's own state: an atomic, a synchronized collection. */
        OWN,
        /** State other j.u.c. objects may share: locks with their conditions, queues, futures. */
        JDK
    }

    private final java.util.function.Function<Thread, ControlledThread> threadOf;
    private final IdentityHashMap<Object, Integer> objectNumbers = new IdentityHashMap<>();
    /** Static fields have no owner object: each is a location of its own, keyed by its field number. */
    private final Map<Integer, Integer> staticFieldNumbers = new HashMap<>();
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
                int field = FieldKeys.fieldNumber(site.id());
                int object = target == null ? staticField(field) : number(target);
                yield new Operation(id, access, location(object, field), -1);
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
        return switch (SCOPES.get(target.getClass())) {
            case UNKNOWN -> unknown(id);
            case OWN -> whole(id, number(target));
            case JDK -> whole(id, Operation.JDK_STATE);
        };
    }

    /** Classifies by the class or, for a user subclass (of {@code Vector}, say), the JDK class it extends. */
    private static Scope scopeOf(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            String name = current.getName();
            if (name.startsWith("java.lang.invoke.") || name.contains("Unsafe") || name.contains("FieldUpdater")) {
                return Scope.UNKNOWN;
            }
            if (name.startsWith("java.util.concurrent.atomic.") || name.equals("java.util.Vector")
                    || name.equals("java.util.Hashtable") || name.startsWith("java.util.Collections$Synchronized")) {
                return Scope.OWN;
            }
        }
        return Scope.JDK;
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

    private int staticField(int field) {
        return staticFieldNumbers.computeIfAbsent(field, ignored -> nextObject++);
    }

    private static long location(int object, int facet) {
        return ((long) object << 32) | (facet & 0xFFFF_FFFFL);
    }
}
