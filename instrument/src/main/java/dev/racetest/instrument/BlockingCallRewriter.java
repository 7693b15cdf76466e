package dev.racetest.instrument;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;

/**
 * Replace the JDK's timed waits (and a few untimed ones) with the hooks listed in {@link BlockingCalls}, so
 * that their timeouts run on the virtual clock and spurious wake-ups happen when the strategy says so.
 *
 * <p>Timed waits inside the JDK read {@code System.nanoTime()}: a timer fired early only makes them park
 * again, so virtual time has to be applied at the call site. Each replaced call becomes a pushed site and
 * one {@code invokestatic} of a hook with the same operands and result; the hook decides at run time
 * whether the receiver runs the JDK's code, and calls a user's own implementation exactly as written.
 * Instance methods match on their declaring type or any subtype, so a call through
 * {@code ArrayBlockingQueue} or a user's {@code BlockingQueue} is covered as well as one through the
 * interface; {@code invokespecial} ({@code super.poll(...)} in an override) is never replaced. Runs before
 * {@link LibraryCallRewriter}, which therefore never puts a second scheduling point before these calls.
 */
final class BlockingCallRewriter extends MethodRewriter {

    BlockingCallRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.ALL_METHODS);
    }

    @Override
    MethodVisitor adapter(MethodVisitor next, int access, String name, String descriptor) {
        return new Adapter(next, context(), access, name, descriptor);
    }

    private static final class Adapter extends SyncPointAdapter {
        private final boolean staticInitializer;

        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
            super(next, context, access, name, descriptor);
            this.staticInitializer = "<clinit>".equals(name);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            BlockingCalls.Replacement replacement =
                    BlockingCalls.find(opcode, owner, name, descriptor, context().hierarchy());
            if (replacement == null || staticInitializer && !replacement.inStaticInitializers()) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return;
            }
            push(context().registerSite(replacement.kind(), methodName(), currentLine(),
                    ClassContext.simpleName(owner) + "." + name));
            invokeStatic(replacement.hookOwner(), replacement.hook());
        }
    }
}
