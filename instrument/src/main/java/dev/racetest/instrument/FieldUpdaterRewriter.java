package dev.racetest.instrument;

import dev.racetest.instrument.hooks.FieldUpdaterAccesses;
import dev.racetest.instrument.hooks.SyncPointKind;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;

/**
 * Make the calls on atomic field updaters accesses of the volatile field they update
 * ({@link FieldUpdaterAccesses}): each {@code newUpdater(type, ..., "field")} reports the updater it
 * returns with its class and field, static initialisers included, since that is where updaters are
 * made; and each instance call outside static initialisers hands the hook the updater, the object
 * whose field it updates (its first argument) and whether it writes. {@link AtomicCallRewriter} leaves
 * the updaters to this rewriter.
 */
final class FieldUpdaterRewriter extends MethodRewriter {

    static final Set<String> UPDATERS = Set.of("java/util/concurrent/atomic/AtomicIntegerFieldUpdater",
            "java/util/concurrent/atomic/AtomicLongFieldUpdater", "java/util/concurrent/atomic/AtomicReferenceFieldUpdater");

    private static final Type HOOKS = Type.getType(FieldUpdaterAccesses.class);
    private static final Method CREATED =
            PublicMethods.resolve(FieldUpdaterAccesses.class, "created", Object.class, Class.class, String.class);
    private static final Method ACCESS =
            PublicMethods.resolve(FieldUpdaterAccesses.class, "access", Object.class, Object.class, boolean.class, int.class);
    private static final String CLASS_INITIALIZER = "<clinit>";

    FieldUpdaterRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.ALL_METHODS);
    }

    @Override
    MethodVisitor adapter(MethodVisitor next, int access, String name, String descriptor) {
        return new Adapter(next, context(), access, name, descriptor);
    }

    private static final class Adapter extends SyncPointAdapter {
        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
            super(next, context, access, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (!UPDATERS.contains(owner)) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            } else if (opcode == INVOKESTATIC && name.equals("newUpdater")) {
                reportCreation(owner, name, descriptor, isInterface);
            } else {
                Type[] arguments = Type.getArgumentTypes(descriptor);
                boolean access = opcode == INVOKEVIRTUAL && !methodName().equals(CLASS_INITIALIZER)
                        && arguments.length > 0 && arguments[0].getSort() == Type.OBJECT;
                if (access) {
                    beforeAccess(owner, name, arguments);
                }
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        /** {@code newUpdater(type, [fieldType,] field)}, then {@code created(updater, type, field)} on its result. */
        private void reportCreation(String owner, String name, String descriptor, boolean isInterface) {
            Type[] arguments = Type.getArgumentTypes(descriptor);
            int[] locals = stashArguments(arguments);
            reloadArguments(locals);
            super.visitMethodInsn(INVOKESTATIC, owner, name, descriptor, isInterface);
            loadLocal(locals[0]);
            loadLocal(locals[locals.length - 1]);
            invokeStatic(HOOKS, CREATED);
            checkCast(Type.getObjectType(owner));
        }

        private void beforeAccess(String owner, String name, Type[] arguments) {
            int[] locals = stashArguments(arguments);
            dup(); // the updater
            loadLocal(locals[0]);
            push(!name.equals("get"));
            push(context().registerSite(SyncPointKind.ATOMIC, methodName(), currentLine(),
                    ClassContext.simpleName(owner) + "." + name));
            invokeStatic(HOOKS, ACCESS);
            reloadArguments(locals);
        }
    }
}
