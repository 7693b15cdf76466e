package dev.racetest.instrument;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Bracket every static initialiser with {@code Hooks.staticInitializerEnter/Exit}.
 *
 * <p>A virtual thread running {@code <clinit>} is pinned to its carrier, so the scheduler must know
 * when it may not switch (see ARCHITECTURE.md). The body becomes:
 * <pre>
 *   Hooks.staticInitializerEnter()
 *   try { body, with Hooks.staticInitializerExit() before every return }
 *   catch (any) { Hooks.staticInitializerExit(); rethrow }
 * </pre>
 * The catch-all handler comes after the body's own handlers and does not cover itself.
 */
final class StaticInitializerRewriter extends ClassVisitor {

    private final ClassContext context;

    StaticInitializerRewriter(ClassVisitor next, ClassContext context) {
        super(Opcodes.ASM9, next);
        this.context = context;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        return next == null || !"<clinit>".equals(name) ? next : new Adapter(next, context, access, name, descriptor);
    }

    private static final class Adapter extends SyncPointAdapter {
        private final Label bodyStart = new Label();

        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
            super(next, context, access, name, descriptor);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            invokeHook(HookMethod.STATIC_INITIALIZER_ENTER);
            mark(bodyStart);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode >= IRETURN && opcode <= RETURN) {
                invokeHook(HookMethod.STATIC_INITIALIZER_EXIT);
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            Label bodyEnd = mark();
            catchException(bodyStart, bodyEnd, null);
            invokeHook(HookMethod.STATIC_INITIALIZER_EXIT);
            throwException();
            super.visitMaxs(maxStack, maxLocals);
        }
    }
}
