package dev.racetest.instrument.hooks;

import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDesc;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Turn a {@code VarHandle} access at a call site into the field or array-element access it is, so the
 * race detector and the strategies see what it touches and with which ordering, instead of one more
 * opaque library call.
 *
 * <p>A plain {@code get}/{@code set} through a handle is a plain access, exactly like {@code x.f} or
 * {@code a[i]}: publishing an object with a plain {@code set} is a data race, which is precisely what a
 * detector that treats every {@code VarHandle} call as a barrier (or one blind to them, as Go's) misses.
 * The ordered modes ({@code Volatile}, {@code Acquire}, {@code Release}, {@code Opaque}) are volatile
 * accesses of the same location (opaque gives no happens-before in the memory model; counting it as
 * volatile errs towards no false alarm), and the read-modify-write modes ({@code compareAndSet},
 * {@code getAndAdd}...) volatile writes, which the detector lets acquire too. An ordered or atomic
 * access of an array element is an atomic operation on the whole array: it is ordered with every
 * other such access of the array, more edges than the memory model gives, so never a false alarm.
 *
 * <p>What a handle points at is found once per handle through its nominal descriptor
 * ({@link VarHandle#describeConstable()}) and its coordinate types: an instance or static field, or an
 * element of an array. Other handles (views of byte arrays and buffers, memory segments) stay library
 * calls. The access gets a site of its own, registered once per call site, handle and access kind, that
 * names the field as its declaring class does, so an access through the handle and one through the
 * field itself are the same location.
 */
public final class VarHandleAccesses {

    /** How the call site's access mode orders the access; passed by rewritten code. */
    public static final int PLAIN_READ = 0;
    public static final int PLAIN_WRITE = 1;
    public static final int ORDERED_READ = 2;
    public static final int ORDERED_WRITE = 3;
    public static final int READ_MODIFY_WRITE = 4;

    private enum Shape { INSTANCE_FIELD, STATIC_FIELD, ARRAY_ELEMENT, OTHER }

    /** What a handle points at; {@code field} names it as its declaring class does, for fields. */
    private record Target(Shape shape, String field, String simpleName) {
    }

    private static final Target OTHER = new Target(Shape.OTHER, null, null);

    /** Handles are usually static finals of user classes; weak keys let their class loaders go. */
    private static final Map<VarHandle, Target> TARGETS = new WeakHashMap<>();

    private VarHandleAccesses() {
    }

    /**
     * Before a {@code VarHandle} access method at call site {@code site}.
     *
     * @param handle the handle
     * @param first  the call's first argument when it is a reference (the object or array of a field or
     *               element handle), else {@code null}
     * @param second the call's second argument when it is an {@code int} (an array index), else {@code -1}
     * @param mode   one of {@link #PLAIN_READ} ... {@link #READ_MODIFY_WRITE}
     */
    public static void access(VarHandle handle, Object first, int second, int mode, int site) {
        SyncPointHandler handler = Hooks.handler(site);
        Target target = handle == null ? OTHER : target(handle);
        switch (target.shape()) {
            case INSTANCE_FIELD -> {
                if (first == null) {
                    handler.libraryCall(null, site); // the call throws NullPointerException
                } else {
                    handler.fieldAccess(first, isWrite(mode), derived(site, target, fieldKind(mode), null));
                }
            }
            case STATIC_FIELD -> handler.fieldAccess(null, isWrite(mode), derived(site, target, fieldKind(mode), null));
            case ARRAY_ELEMENT -> {
                if (first == null || second < 0 || second >= java.lang.reflect.Array.getLength(first)) {
                    handler.libraryCall(null, site); // the call throws
                } else if (mode == PLAIN_READ || mode == PLAIN_WRITE) {
                    handler.arrayAccess(first, second, mode == PLAIN_WRITE,
                            derived(site, target, mode == PLAIN_WRITE ? SyncPointKind.ARRAY_WRITE : SyncPointKind.ARRAY_READ,
                                    first.getClass()));
                } else {
                    handler.atomicAccess(first, derived(site, target, SyncPointKind.ATOMIC, first.getClass()));
                }
            }
            case OTHER -> handler.libraryCall(null, site);
        }
    }

    /** A read-modify-write counts as a write: a volatile write also acquires (see the race detector). */
    private static boolean isWrite(int mode) {
        return mode != PLAIN_READ && mode != ORDERED_READ;
    }

    private static SyncPointKind fieldKind(int mode) {
        return switch (mode) {
            case PLAIN_READ -> SyncPointKind.FIELD_READ;
            case PLAIN_WRITE -> SyncPointKind.FIELD_WRITE;
            case ORDERED_READ -> SyncPointKind.VOLATILE_READ;
            default -> SyncPointKind.VOLATILE_WRITE; // ordered writes and read-modify-writes
        };
    }

    /** The site of this access: the call site's class, method and line, with the handle's variable as target. */
    private static int derived(int site, Target target, SyncPointKind kind, Class<?> array) {
        return DerivedSites.of(site, target.field(), target.field() != null ? target.simpleName() : arrayName(array), kind);
    }

    private static String arrayName(Class<?> type) {
        if (type == null) {
            return "?";
        }
        return type.isArray() ? arrayName(type.getComponentType()) + "[]" : type.getSimpleName();
    }

    private static Target target(VarHandle handle) {
        synchronized (TARGETS) {
            Target known = TARGETS.get(handle);
            if (known == null) {
                known = describe(handle);
                TARGETS.put(handle, known);
            }
            return known;
        }
    }

    private static Target describe(VarHandle handle) {
        List<Class<?>> coordinates = handle.coordinateTypes();
        if (coordinates.size() == 2 && coordinates.get(0).isArray() && coordinates.get(1) == int.class
                && coordinates.get(0).getComponentType() == handle.varType()) {
            return new Target(Shape.ARRAY_ELEMENT, null, null);
        }
        if (coordinates.size() > 1) {
            return OTHER; // a view of a byte array or buffer, or a memory segment
        }
        Optional<? extends ConstantDesc> described = describeQuietly(handle);
        if (described.isEmpty() || !(described.get() instanceof VarHandle.VarHandleDesc desc)
                || desc.bootstrapArgsList().isEmpty() || !(desc.bootstrapArgsList().getFirst() instanceof ClassDesc owner)) {
            return OTHER;
        }
        String declaring = owner.descriptorString();
        if (!declaring.startsWith("L")) {
            return OTHER;
        }
        String binaryName = declaring.substring(1, declaring.length() - 1).replace('/', '.');
        String field = binaryName + "." + desc.constantName();
        return new Target(coordinates.isEmpty() ? Shape.STATIC_FIELD : Shape.INSTANCE_FIELD, field,
                DerivedSites.simpleName(field));
    }

    private static Optional<? extends ConstantDesc> describeQuietly(VarHandle handle) {
        try {
            return handle.describeConstable();
        } catch (RuntimeException | LinkageError notDescribable) {
            return Optional.empty();
        }
    }
}
