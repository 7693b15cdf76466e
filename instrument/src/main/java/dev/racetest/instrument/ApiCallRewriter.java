package dev.racetest.instrument;

import dev.racetest.instrument.hooks.ApiHooks;
import dev.racetest.instrument.hooks.BufferHooks;
import dev.racetest.instrument.hooks.SyncPointKind;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;

/**
 * Tell the race detector about calls on the JDK's classes that are not thread-safe ({@code HashMap},
 * {@code ArrayList}, {@code StringBuilder}, {@code SimpleDateFormat}...), which run uninstrumented as one
 * step: each call is a read or write of the receiver ({@link ApiHooks}).
 *
 * <p>Which calls get a hook before them, decided here by the owner the call names; the receiver's class
 * decides at run time whether it is one of those classes:
 * <ul>
 *   <li>{@code invokevirtual} on such a class of {@code java.util}, {@code java.lang} or {@code java.text},
 *       on one of their abstract superclasses ({@code AbstractMap}...), or on a user's class extending one
 *       (javac names the receiver's static type as the owner);</li>
 *   <li>{@code invokeinterface} through {@code CharSequence} and {@code Appendable}. Calls through the
 *       collection interfaces ({@code Map}, {@code List}, {@code Iterator}...) already have one, from
 *       {@link LibraryCallRewriter}, which tells concurrent receivers from these;</li>
 *   <li>{@code super.put(...)} ({@code invokespecial}) from a user's subclass: that call runs the JDK's
 *       code whatever the subclass overrides.</li>
 * </ul>
 * Calls on {@code java.nio} buffers go to {@link BufferHooks} with their arguments, which say the index
 * range they touch.
 *
 * <p>Calls that return a view of the receiver ({@code keySet()}, {@code iterator()}, {@code subList}...) or,
 * from an iterator, a map's own entry ({@code next()}) also get a hook after them, given the result and the
 * receiver, so that calls on the view count as calls on the collection behind it. Nothing here is a
 * scheduling point. Static initialisers run pinned and atomically, so they are left alone.
 */
final class ApiCallRewriter extends MethodRewriter {

    private static final Type HOOKS = Type.getType(ApiHooks.class);
    private static final Method CALL = PublicMethods.resolve(ApiHooks.class, "call", Object.class, int.class);
    private static final Method SUPER_CALL =
            PublicMethods.resolve(ApiHooks.class, "superCall", Object.class, int.class);
    private static final Method VIEW_RETURNED =
            PublicMethods.resolve(ApiHooks.class, "viewReturned", Object.class, Object.class);
    private static final Method ENTRY_RETURNED =
            PublicMethods.resolve(ApiHooks.class, "entryReturned", Object.class, Object.class);

    /** Classes whose methods may run on a receiver of a tracked class, by the owner javac names. */
    private static final Set<String> OWNERS = Stream.concat(
            Stream.of("HashMap", "LinkedHashMap", "TreeMap", "HashSet", "LinkedHashSet", "TreeSet", "ArrayList",
                    "LinkedList", "ArrayDeque", "PriorityQueue", "IdentityHashMap", "WeakHashMap", "EnumMap",
                    "BitSet", "EnumSet", "AbstractMap", "AbstractCollection", "AbstractList", "AbstractSet",
                    "AbstractSequentialList", "AbstractQueue").map(name -> "java/util/" + name),
            Stream.of("java/lang/StringBuilder", "java/lang/AbstractStringBuilder"))
            .collect(Collectors.toUnmodifiableSet());
    private static final Method BUFFER_CALL =
            PublicMethods.resolve(BufferHooks.class, "call", Object.class, Object[].class, int.class);
    private static final Type BUFFER_HOOKS = Type.getType(BufferHooks.class);
    private static final Type OBJECT = Type.getType(Object.class);
    /** The {@code java.nio} buffers, whose calls name their arguments to {@link BufferHooks}. */
    private static final Set<String> BUFFERS = Stream.of("Buffer", "ByteBuffer", "MappedByteBuffer", "CharBuffer",
            "ShortBuffer", "IntBuffer", "LongBuffer", "FloatBuffer", "DoubleBuffer")
            .map(name -> "java/nio/" + name).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> INTERFACES = Set.of("java/lang/CharSequence", "java/lang/Appendable");
    /** The collection interfaces whose calls {@link LibraryCallRewriter} hooks before. */
    private static final String UTIL = "java/util/";

    /** Methods that return a view of their receiver, or an iterator over it. */
    private static final Set<String> VIEW_METHODS = Set.of("iterator", "listIterator", "descendingIterator",
            "spliterator", "keySet", "values", "entrySet", "subList", "subMap", "headMap", "tailMap", "subSet",
            "headSet", "tailSet", "descendingMap", "descendingSet", "navigableKeySet", "descendingKeySet", "reversed",
            "sequencedKeySet", "sequencedValues", "sequencedEntrySet", "keys", "elements");
    /** Iterator methods that may return a map's own (writable) entry. */
    private static final Set<String> ENTRY_METHODS = Set.of("next", "previous");

    ApiCallRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.OUTSIDE_STATIC_INITIALIZERS);
    }

    @Override
    MethodVisitor adapter(MethodVisitor next, int access, String name, String descriptor) {
        return new Adapter(next, context(), access, name, descriptor);
    }

    /** Return whether {@code owner} names a tracked JDK class or one of its JDK superclasses. */
    static boolean isApiOwner(String owner) {
        return OWNERS.contains(owner) || isFormat(owner);
    }

    private static boolean isFormat(String owner) {
        return owner.startsWith("java/text/") && owner.endsWith("Format") && owner.indexOf('/', 10) < 0;
    }

    private static boolean isJdkType(String owner) {
        return owner.startsWith("java/") || owner.startsWith("javax/") || owner.startsWith("jdk/")
                || owner.startsWith("sun/") || owner.startsWith("com/sun/") || owner.startsWith("[");
    }

    private static boolean isCollectionInterface(String owner, int opcode) {
        return opcode == Opcodes.INVOKEINTERFACE && owner.startsWith(UTIL) && owner.indexOf('/', UTIL.length()) < 0;
    }

    private static final class Adapter extends SyncPointAdapter {
        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
            super(next, context, access, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == INVOKEVIRTUAL && BUFFERS.contains(owner)) {
                bufferCall(owner, name, descriptor);
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return;
            }
            Method before = before(opcode, owner, name);
            Method after = after(opcode, owner, name, descriptor, before != null);
            if (before == null && after == null) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return;
            }
            Type[] arguments = Type.getArgumentTypes(descriptor);
            int[] locals = stashArguments(arguments);
            int receiver = -1;
            if (after != null) {
                dup();
                receiver = stash(Type.getObjectType(owner), arguments.length);
            }
            if (before != null) {
                dup();
                push(context().registerSite(SyncPointKind.LIBRARY_CALL, methodName(), currentLine(),
                        ClassContext.simpleName(owner) + "." + name));
                invokeStatic(HOOKS, before);
            }
            reloadArguments(locals);
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            if (after != null) {
                dup();
                loadLocal(receiver);
                invokeStatic(HOOKS, after);
            }
        }

        /** Before a call on a buffer: its receiver and its arguments, boxed in an array, go to the hook. */
        private void bufferCall(String owner, String name, String descriptor) {
            Type[] arguments = Type.getArgumentTypes(descriptor);
            int[] locals = stashArguments(arguments);
            dup();
            push(arguments.length);
            newArray(OBJECT);
            for (int i = 0; i < arguments.length; i++) {
                dup();
                push(i);
                loadLocal(locals[i], arguments[i]);
                box(arguments[i]);
                arrayStore(OBJECT);
            }
            push(context().registerSite(SyncPointKind.LIBRARY_CALL, methodName(), currentLine(),
                    ClassContext.simpleName(owner) + "." + name));
            invokeStatic(BUFFER_HOOKS, BUFFER_CALL);
            for (int i = 0; i < arguments.length; i++) {
                loadLocal(locals[i], arguments[i]);
            }
        }

        /** The hook before this call, or {@code null}. */
        private Method before(int opcode, String owner, String name) {
            if (name.equals("<init>")) {
                return null;
            }
            if (opcode == INVOKESPECIAL) {
                return isApiOwner(owner) ? SUPER_CALL : null;
            }
            if (opcode == INVOKEINTERFACE) {
                return INTERFACES.contains(owner) ? CALL : null;
            }
            if (opcode != INVOKEVIRTUAL) {
                return null;
            }
            if (isApiOwner(owner)) {
                return CALL;
            }
            // The cheap name checks first: most calls never need the hierarchy.
            return !isJdkType(owner) && context().hierarchy().superclasses(owner).stream()
                    .anyMatch(ApiCallRewriter::isApiOwner) ? CALL : null;
        }

        /** The hook after this call, or {@code null}: only for views, on receivers that may be tracked. */
        private Method after(int opcode, String owner, String name, String descriptor, boolean hooked) {
            if (opcode == INVOKESPECIAL || opcode == INVOKESTATIC
                    || Type.getReturnType(descriptor).getSort() != Type.OBJECT) {
                return null;
            }
            if (!hooked && !isCollectionInterface(owner, opcode)) {
                return null;
            }
            if (VIEW_METHODS.contains(name)) {
                return VIEW_RETURNED;
            }
            return ENTRY_METHODS.contains(name) && opcode == INVOKEINTERFACE ? ENTRY_RETURNED : null;
        }
    }
}
