package dev.racetest.instrument;

import java.util.ArrayDeque;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;

/**
 * Call {@code Hooks.threadCreated(thread)} right after every constructor of {@code Thread} or a
 * subclass returns, so the scheduler can give the new thread what user code expects of it (its
 * creator's daemon status, a default name numbered per execution) before user code sees it.
 *
 * <p>Two shapes reach a {@code Thread} constructor: a {@code new} expression ({@code NEW T; DUP; args;
 * invokespecial T.<init>}), which leaves the new thread on the stack, and a subclass constructor's
 * {@code super(...)} or {@code this(...)} call, after which {@code this} (local 0) is the thread. The
 * {@code NEW}s of thread types met in a method are stacked to tell the two apart, since a new
 * expression's constructor call always closes the innermost open {@code NEW}.
 */
final class ThreadConstructionRewriter extends MethodRewriter {

    ThreadConstructionRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.ALL_METHODS);
    }

    @Override
    MethodVisitor adapter(MethodVisitor next, int access, String name, String descriptor) {
        return new Adapter(next, context(), access, name, descriptor);
    }

    private static final class Adapter extends SyncPointAdapter {
        private final boolean constructor;
        private final ArrayDeque<String> openNews = new ArrayDeque<>();

        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
            super(next, context, access, name, descriptor);
            this.constructor = "<init>".equals(name);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == NEW && isThread(type)) {
                openNews.push(type);
            }
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            if (opcode != INVOKESPECIAL || !"<init>".equals(name) || !isThread(owner)) {
                return;
            }
            if (!openNews.isEmpty() && openNews.peek().equals(owner)) {
                openNews.pop();
                dup(); // the thread the new expression leaves on the stack
                invokeHook(HookMethod.THREAD_CREATED);
            } else if (constructor) {
                loadThis(); // super(...) or this(...) in a Thread subclass: this is now initialised
                invokeHook(HookMethod.THREAD_CREATED);
            }
        }

        private boolean isThread(String type) {
            return type.equals("java/lang/Thread") || (!type.startsWith("[") && context().hierarchy().isThread(type));
        }
    }
}
