package dev.racetest.instrument.hooks;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turn a {@code sun.misc.Unsafe} memory access at a call site ({@code getInt(o, offset)},
 * {@code putObjectVolatile}, {@code compareAndSwapLong}...) into the field or array-element access it
 * makes, as {@link VarHandleAccesses} does for handles: the plain ones are plain accesses the race
 * detector checks, the volatile and ordered ones volatile accesses, the compare-and-swaps and
 * get-and-adds volatile writes.
 *
 * <p>An offset does not say which field it is, so rewritten code reports each offset as the program
 * gets it ({@link #fieldOffset}, after {@code objectFieldOffset(Field)} and {@code staticFieldOffset(Field)}).
 * An array element's index comes from the array's base offset and index scale, asked of the same
 * {@code Unsafe} once per array class. An offset racetest did not see handed out, and an access by raw
 * address, stays a library call. racetest's own code never names {@code Unsafe}: it reaches the two
 * array methods by reflection on the receiver.
 */
public final class UnsafeAccesses {

    /** Per class: offset to field (as its declaring class names it), for the offsets seen handed out. */
    private static final ClassValue<ConcurrentHashMap<Long, String>> INSTANCE_FIELDS = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<Long, String> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };
    private static final ClassValue<ConcurrentHashMap<Long, String>> STATIC_FIELDS = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<Long, String> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };
    /**
     * Per array class: its base offset and index scale, asked of the first {@code Unsafe} that accesses
     * such an array (empty when they could not be asked); a class value, so user array classes can go.
     */
    private static final ClassValue<AtomicReference<long[]>> ARRAY_LAYOUTS = new ClassValue<>() {
        @Override
        protected AtomicReference<long[]> computeValue(Class<?> type) {
            return new AtomicReference<>();
        }
    };

    private UnsafeAccesses() {
    }

    /** After {@code objectFieldOffset(field)} or {@code staticFieldOffset(field)} returned {@code offset}. */
    public static void fieldOffset(long offset, Field field) {
        if (field == null) {
            return;
        }
        Class<?> declaring = field.getDeclaringClass();
        String name = declaring.getName() + "." + field.getName();
        (Modifier.isStatic(field.getModifiers()) ? STATIC_FIELDS : INSTANCE_FIELDS).get(declaring).put(offset, name);
    }

    /**
     * Before an {@code Unsafe} access of {@code base} at {@code offset}.
     *
     * @param unsafe the receiver, asked for array layouts
     * @param mode   one of the {@link VarHandleAccesses} mode constants
     */
    public static void access(Object unsafe, Object base, long offset, int mode, int site) {
        SyncPointHandler handler = Hooks.handler(site);
        if (base == null) {
            handler.libraryCall(null, site); // an access by raw address
            return;
        }
        boolean plain = mode == VarHandleAccesses.PLAIN_READ || mode == VarHandleAccesses.PLAIN_WRITE;
        boolean write = mode != VarHandleAccesses.PLAIN_READ && mode != VarHandleAccesses.ORDERED_READ;
        Class<?> type = base.getClass();
        if (type.isArray()) {
            long index = index(unsafe, type, offset);
            if (index < 0 || index >= java.lang.reflect.Array.getLength(base)) {
                handler.libraryCall(null, site);
            } else if (plain) {
                handler.arrayAccess(base, (int) index, write, DerivedSites.of(site, null, arrayName(type),
                        write ? SyncPointKind.ARRAY_WRITE : SyncPointKind.ARRAY_READ));
            } else {
                handler.atomicAccess(base, DerivedSites.of(site, null, arrayName(type), SyncPointKind.ATOMIC));
            }
            return;
        }
        String field = base instanceof Class<?> holder ? STATIC_FIELDS.get(holder).get(offset) : instanceField(type, offset);
        if (field == null) {
            handler.libraryCall(null, site);
            return;
        }
        SyncPointKind kind = plain ? (write ? SyncPointKind.FIELD_WRITE : SyncPointKind.FIELD_READ)
                : (write ? SyncPointKind.VOLATILE_WRITE : SyncPointKind.VOLATILE_READ);
        handler.fieldAccess(base instanceof Class<?> ? null : base, write,
                DerivedSites.of(site, field, DerivedSites.simpleName(field), kind));
    }

    private static String instanceField(Class<?> type, long offset) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            String field = INSTANCE_FIELDS.get(current).get(offset);
            if (field != null) {
                return field;
            }
        }
        return null;
    }

    /** The element index at {@code offset} in an array of {@code type}, or {@code -1} when unknown or unaligned. */
    private static long index(Object unsafe, Class<?> type, long offset) {
        AtomicReference<long[]> known = ARRAY_LAYOUTS.get(type);
        long[] layout = known.get();
        if (layout == null) {
            layout = layout(unsafe, type);
            known.set(layout);
        }
        if (layout.length == 0 || layout[1] <= 0 || (offset - layout[0]) % layout[1] != 0) {
            return -1;
        }
        return (offset - layout[0]) / layout[1];
    }

    private static long[] layout(Object unsafe, Class<?> arrayType) {
        try {
            Method base = unsafe.getClass().getMethod("arrayBaseOffset", Class.class);
            Method scale = unsafe.getClass().getMethod("arrayIndexScale", Class.class);
            return new long[] {((Number) base.invoke(unsafe, arrayType)).longValue(),
                    ((Number) scale.invoke(unsafe, arrayType)).longValue()};
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            return new long[0];
        }
    }

    private static String arrayName(Class<?> type) {
        return type.isArray() ? arrayName(type.getComponentType()) + "[]" : type.getSimpleName();
    }
}
