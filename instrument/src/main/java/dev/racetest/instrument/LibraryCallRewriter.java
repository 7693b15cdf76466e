package dev.racetest.instrument;

import dev.racetest.instrument.hooks.LibraryHooks;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.UnsafeAccesses;
import dev.racetest.instrument.hooks.VarHandleAccesses;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;

/**
 * Put a preemption point ({@link LibraryHooks}) before every call into the JDK's concurrency library:
 * {@code java.util.concurrent} and its {@code locks} package, {@code VarHandle} accesses and fences, and
 * the memory and CAS methods of {@code sun.misc.Unsafe}.
 *
 * <p>Such a call runs inside the JDK as one atomic step, so another thread can only be scheduled around
 * it, and the point before it is where. The call itself stays as it was (signature-polymorphic
 * {@code VarHandle} calls included); the hook gets the receiver (arguments stashed in scratch locals, the
 * receiver duplicated, the arguments reloaded) or {@code null} for static calls, {@code VarHandle} and
 * {@code Unsafe}, whose receiver says nothing about what is accessed. Which calls:
 * <ul>
 *   <li>calls on {@code java.util.concurrent} classes, and on user classes that extend one (javac names the
 *       receiver's static type as the owner), always;</li>
 *   <li>calls through its interfaces only when the receiver runs the JDK's code, and calls through the
 *       {@code java.util} collection interfaces ({@code Map}, {@code List}, {@code Iterator}...) only when
 *       the receiver is a concurrent collection: both decided at run time from the receiver's class;</li>
 *   <li>the thread-safe collections of {@code java.util} count as concurrent collections: calls on
 *       {@code Vector}, {@code Stack}, {@code Hashtable} and {@code Properties}, and calls through the
 *       collection interfaces on those and on the {@code Collections.synchronized*} wrappers, since a
 *       check-then-act across two of their calls is a race like any other.</li>
 * </ul>
 * Left out: the atomics ({@link AtomicCallRewriter}), {@code ThreadLocalRandom} (thread-local),
 * {@code TimeUnit} (conversions; its waits are {@link BlockingCallRewriter}'s), the {@code Executors}
 * factories, exceptions, constructors and {@code invokespecial}. The waits that
 * {@link BlockingCallRewriter} replaces, before this rewriter runs, are scheduling points of their own.
 * Static initialisers run pinned and atomically, so they are left alone.
 */
final class LibraryCallRewriter extends MethodRewriter {

    private static final Type HOOKS = Type.getType(LibraryHooks.class);
    private static final Method LIBRARY_CALL =
            PublicMethods.resolve(LibraryHooks.class, "libraryCall", Object.class, int.class);
    private static final Method COLLECTION_CALL =
            PublicMethods.resolve(LibraryHooks.class, "collectionCall", Object.class, int.class);
    private static final Method INTERFACE_CALL =
            PublicMethods.resolve(LibraryHooks.class, "interfaceCall", Object.class, int.class);
    private static final Type UNSAFE_HOOKS = Type.getType(UnsafeAccesses.class);
    private static final Method UNSAFE_ACCESS = PublicMethods.resolve(UnsafeAccesses.class, "access",
            Object.class, Object.class, long.class, int.class, int.class);
    private static final Type VAR_HANDLE_HOOKS = Type.getType(VarHandleAccesses.class);
    private static final Method VAR_HANDLE_ACCESS = PublicMethods.resolve(VarHandleAccesses.class, "access",
            VarHandle.class, Object.class, int.class, int.class, int.class);

    private static final String CONCURRENT = "java/util/concurrent/";
    private static final String LOCKS = "java/util/concurrent/locks/";
    private static final Set<String> LEFT_OUT = Set.of(
            "java/util/concurrent/ThreadLocalRandom", "java/util/concurrent/TimeUnit", "java/util/concurrent/Executors");
    private static final Set<String> COLLECTION_INTERFACES = Stream.concat(Stream.of("java/lang/Iterable"),
            Stream.of("Collection", "SequencedCollection", "List", "Set", "SequencedSet", "SortedSet", "NavigableSet",
                    "Queue", "Deque", "Map", "Map$Entry", "SequencedMap", "SortedMap", "NavigableMap", "Iterator",
                    "ListIterator", "Enumeration").map(name -> "java/util/" + name))
            .collect(Collectors.toUnmodifiableSet());

    /** The thread-safe collections of {@code java.util} that code calls as classes, not through interfaces. */
    private static final Set<String> SYNCHRONIZED_COLLECTIONS =
            Set.of("java/util/Vector", "java/util/Stack", "java/util/Hashtable", "java/util/Properties");

    private static final String VAR_HANDLE = Type.getInternalName(VarHandle.class);
    private static final Set<String> VAR_HANDLE_ACCESSES = Arrays.stream(VarHandle.AccessMode.values())
            .map(VarHandle.AccessMode::methodName).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> VAR_HANDLE_FENCES =
            Set.of("fullFence", "acquireFence", "releaseFence", "loadLoadFence", "storeStoreFence");
    /** Named, not referenced: {@code sun.misc.Unsafe} is not for racetest's own code. */
    private static final String UNSAFE = "sun/misc/Unsafe";
    private static final Set<String> UNSAFE_OTHER_ACCESSES =
            Set.of("loadFence", "storeFence", "fullFence", "copyMemory", "setMemory", "park", "unpark");

    LibraryCallRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.OUTSIDE_STATIC_INITIALIZERS);
    }

    @Override
    MethodVisitor adapter(MethodVisitor next, int access, String name, String descriptor) {
        return new Adapter(next, context(), access, name, descriptor);
    }

    /** Return whether {@code owner} is a class or interface of the concurrency library that this rewriter covers. */
    static boolean isLibraryType(String owner) {
        boolean inPackage = owner.startsWith(CONCURRENT) && owner.indexOf('/', CONCURRENT.length()) < 0
                || owner.startsWith(LOCKS) && owner.indexOf('/', LOCKS.length()) < 0;
        return inPackage && !LEFT_OUT.contains(owner) && !owner.endsWith("Exception");
    }

    private static boolean isJdkType(String owner) {
        return owner.startsWith("java/") || owner.startsWith("javax/") || owner.startsWith("jdk/")
                || owner.startsWith("sun/") || owner.startsWith("com/sun/") || owner.startsWith("[");
    }

    private static boolean isUnsafeAccess(String name) {
        return name.startsWith("get") && !name.equals("getLoadAverage") || name.startsWith("put")
                || name.startsWith("compareAndSwap") || UNSAFE_OTHER_ACCESSES.contains(name);
    }

    private static final class Adapter extends SyncPointAdapter {
        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
            super(next, context, access, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            Method hook = opcode == INVOKESPECIAL ? null : hook(opcode, owner, name);
            if (hook != null && opcode == INVOKEVIRTUAL && owner.equals(VAR_HANDLE)
                    && VAR_HANDLE_ACCESSES.contains(name)) {
                varHandleAccess(name, descriptor);
            } else if (hook != null && opcode == INVOKEVIRTUAL && owner.equals(UNSAFE) && unsafeMode(name, descriptor) >= 0) {
                unsafeAccess(name, descriptor);
            } else if (hook != null && (opcode == INVOKESTATIC || owner.equals(VAR_HANDLE) || owner.equals(UNSAFE))) {
                push((Type) null);
                callLibraryHook(hook, owner, name);
            } else if (hook != null) {
                Type[] arguments = Type.getArgumentTypes(descriptor);
                int[] locals = stashArguments(arguments);
                dup();
                callLibraryHook(hook, owner, name);
                reloadArguments(locals);
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        /**
         * Before {@code handle.name(arguments)}: hand {@link VarHandleAccesses} the handle, the first argument
         * when it is a reference (the object or array a field or element handle needs), the second when it
         * is an {@code int} (the index), and how the access mode orders the access.
         */
        private void varHandleAccess(String name, String descriptor) {
            Type[] arguments = Type.getArgumentTypes(descriptor);
            int[] locals = stashArguments(arguments);
            dup(); // the handle
            if (arguments.length > 0 && isReference(arguments[0])) {
                loadLocal(locals[0]);
            } else {
                push((Type) null);
            }
            if (arguments.length > 1 && arguments[1].getSort() == Type.INT) {
                loadLocal(locals[1]);
            } else {
                push(-1);
            }
            push(accessMode(name));
            push(context().registerSite(SyncPointKind.LIBRARY_CALL, methodName(), currentLine(), "VarHandle." + name));
            invokeStatic(VAR_HANDLE_HOOKS, VAR_HANDLE_ACCESS);
            reloadArguments(locals);
        }

        /**
         * Before {@code unsafe.name(base, offset, ...)}: hand {@link UnsafeAccesses} the receiver, the base
         * object, the offset and how the method orders the access.
         */
        private void unsafeAccess(String name, String descriptor) {
            Type[] arguments = Type.getArgumentTypes(descriptor);
            int[] locals = stashArguments(arguments);
            dup(); // the Unsafe
            loadLocal(locals[0]);
            loadLocal(locals[1]);
            push(unsafeMode(name, descriptor));
            push(context().registerSite(SyncPointKind.LIBRARY_CALL, methodName(), currentLine(), "Unsafe." + name));
            invokeStatic(UNSAFE_HOOKS, UNSAFE_ACCESS);
            reloadArguments(locals);
        }

        /**
         * The {@link VarHandleAccesses} mode of an {@code Unsafe} method that accesses {@code (Object base,
         * long offset)}, or {@code -1} for any other (raw addresses, {@code copyMemory}, fences).
         */
        private static int unsafeMode(String name, String descriptor) {
            if (!descriptor.startsWith("(Ljava/lang/Object;J")) {
                return -1;
            }
            if (name.startsWith("compareAndSwap") || name.startsWith("getAndAdd") || name.startsWith("getAndSet")) {
                return VarHandleAccesses.READ_MODIFY_WRITE;
            }
            if (name.startsWith("putOrdered") || name.startsWith("put") && name.endsWith("Volatile")) {
                return VarHandleAccesses.ORDERED_WRITE;
            }
            if (name.startsWith("get") && name.endsWith("Volatile")) {
                return VarHandleAccesses.ORDERED_READ;
            }
            boolean plainType = Set.of("Int", "Long", "Short", "Byte", "Char", "Boolean", "Float", "Double", "Object")
                    .contains(name.substring(Math.min(3, name.length())));
            if (name.startsWith("get") && plainType) {
                return VarHandleAccesses.PLAIN_READ;
            }
            return name.startsWith("put") && plainType ? VarHandleAccesses.PLAIN_WRITE : -1;
        }

        private static boolean isReference(Type type) {
            return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
        }

        /** The {@link VarHandleAccesses} constant for a {@code VarHandle} access method's name. */
        private static int accessMode(String name) {
            return switch (name) {
                case "get" -> VarHandleAccesses.PLAIN_READ;
                case "set" -> VarHandleAccesses.PLAIN_WRITE;
                case "getVolatile", "getAcquire", "getOpaque" -> VarHandleAccesses.ORDERED_READ;
                case "setVolatile", "setRelease", "setOpaque" -> VarHandleAccesses.ORDERED_WRITE;
                default -> VarHandleAccesses.READ_MODIFY_WRITE;
            };
        }

        /** Return the hook to call before this call, or {@code null} when it is no library call. */
        private Method hook(int opcode, String owner, String name) {
            if (isLibraryType(owner)) {
                return opcode == INVOKEINTERFACE ? INTERFACE_CALL : LIBRARY_CALL;
            }
            if (owner.equals(VAR_HANDLE)) {
                boolean access = opcode == INVOKEVIRTUAL ? VAR_HANDLE_ACCESSES.contains(name)
                        : VAR_HANDLE_FENCES.contains(name);
                return access ? LIBRARY_CALL : null;
            }
            if (owner.equals(UNSAFE)) {
                return opcode == INVOKEVIRTUAL && isUnsafeAccess(name) ? LIBRARY_CALL : null;
            }
            if (COLLECTION_INTERFACES.contains(owner)) {
                return opcode == INVOKEINTERFACE ? COLLECTION_CALL : null;
            }
            if (SYNCHRONIZED_COLLECTIONS.contains(owner)) {
                return opcode == INVOKEVIRTUAL ? LIBRARY_CALL : null;
            }
            // The cheap name checks first: most calls never need the hierarchy.
            if (opcode == INVOKEVIRTUAL && !isJdkType(owner)
                    && context().hierarchy().superclasses(owner).stream().anyMatch(LibraryCallRewriter::isLibraryType)) {
                return LIBRARY_CALL;
            }
            return null;
        }

        private void callLibraryHook(Method hook, String owner, String name) {
            push(context().registerSite(SyncPointKind.LIBRARY_CALL, methodName(), currentLine(),
                    ClassContext.simpleName(owner) + "." + name));
            invokeStatic(HOOKS, hook);
        }
    }
}
