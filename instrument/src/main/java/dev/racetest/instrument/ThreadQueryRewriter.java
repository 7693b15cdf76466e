package dev.racetest.instrument;

import dev.racetest.instrument.hooks.ThreadQueryHooks;
import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;

/**
 * Replace {@code thread.getState()}, {@code thread.threadId()} and {@code thread.getId()} with
 * {@link ThreadQueryHooks}, so the handler answers for the {@code Thread} object user code holds.
 *
 * <p>Matched like {@link ThreadCallRewriter}'s instance calls: {@code invokevirtual} whose owner is
 * {@code Thread} or a subclass. A subclass that overrides the deprecated {@code getId()} loses its
 * override at call sites through the subclass; the JDK itself no longer calls it. Method references
 * ({@code Thread::getState}) are redirected alike, through a bridge ({@link MethodReferenceRouter}). Not scheduling
 * points. Applies everywhere, static initialisers included.
 */
final class ThreadQueryRewriter extends MethodRewriter {

    private static final Type HOOKS = Type.getType(ThreadQueryHooks.class);
    private static final String THREAD = Type.getInternalName(Thread.class);
    private static final Method THREAD_STATE = PublicMethods.resolve(ThreadQueryHooks.class, "threadState", Thread.class);
    private static final Method THREAD_ID = PublicMethods.resolve(ThreadQueryHooks.class, "threadId", Thread.class);

    /** Hooks by the name + descriptor of the {@code Thread} method they replace. */
    private static final Map<String, Method> CALLS = Map.of(
            PublicMethods.key(Thread.class, "getState"), THREAD_STATE,
            PublicMethods.key(Thread.class, "threadId"), THREAD_ID,
            PublicMethods.key(Thread.class, "getId"), THREAD_ID);

    ThreadQueryRewriter(ClassVisitor next, ClassContext context) {
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
            Method hook = opcode == INVOKEVIRTUAL && !isInterface ? CALLS.get(name + descriptor) : null;
            // The cheap name check first: most calls never need the hierarchy.
            if (hook != null && isThread(owner)) {
                invokeStatic(HOOKS, hook);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        private boolean isThread(String owner) {
            return owner.equals(THREAD) || context().hierarchy().isThread(owner);
        }
    }
}
