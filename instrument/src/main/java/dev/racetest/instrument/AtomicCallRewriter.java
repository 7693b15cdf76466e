package dev.racetest.instrument;

import dev.racetest.instrument.hooks.SyncPointKind;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Put a {@code Hooks.atomic(receiver, site)} call before every instance call on a
 * {@code java.util.concurrent.atomic} object.
 *
 * <p>The receiver lies under the arguments, so the arguments are stashed in scratch locals, the
 * receiver duplicated for the hook, and the arguments reloaded for the original call, which stays.
 * Constructors and static methods are not accesses of a shared object and stay untouched, and so
 * does everything in a static initialiser, which runs pinned and atomically. Field updaters are
 * {@link FieldUpdaterRewriter}'s.
 */
final class AtomicCallRewriter extends MethodRewriter {

    private static final String ATOMIC_PACKAGE = "java/util/concurrent/atomic/";

    AtomicCallRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.OUTSIDE_STATIC_INITIALIZERS);
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
            if (opcode == INVOKEVIRTUAL && isAtomicClass(owner)) {
                Type[] arguments = Type.getArgumentTypes(descriptor);
                int[] locals = stashArguments(arguments);
                dup();
                callHook(HookMethod.ATOMIC, SyncPointKind.ATOMIC, ClassContext.simpleName(owner) + "." + name);
                reloadArguments(locals);
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        private static boolean isAtomicClass(String owner) {
            return owner.startsWith(ATOMIC_PACKAGE) && owner.indexOf('/', ATOMIC_PACKAGE.length()) < 0
                    && !FieldUpdaterRewriter.UPDATERS.contains(owner);
        }
    }
}
