package dev.racetest.instrument;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Bracket a whole method body with an entry and an exit, as a {@code try/finally} would:
 * <pre>
 *   enter
 *   try { body, with exit before every return }
 *   catch (any) { exit; rethrow }
 * </pre>
 * The catch-all handler is registered after the body's own handlers, so it only sees what they let
 * through, and does not cover itself, so a failing exit cannot loop.
 */
abstract class BracketingAdapter extends SyncPointAdapter {

    private final Label bodyStart = new Label();

    BracketingAdapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
        super(next, context, access, name, descriptor);
    }

    /** Emit the entry, before the first instruction of the body. */
    abstract void enter();

    /** Emit the exit, before every return and in the catch-all handler; it must leave the stack as it found it. */
    abstract void exit();

    @Override
    public final void visitCode() {
        super.visitCode();
        enter();
        mark(bodyStart);
    }

    @Override
    public final void visitInsn(int opcode) {
        if (opcode >= IRETURN && opcode <= RETURN) {
            exit();
        }
        super.visitInsn(opcode);
    }

    @Override
    public final void visitMaxs(int maxStack, int maxLocals) {
        Label bodyEnd = mark();
        catchException(bodyStart, bodyEnd, null);
        exit();
        throwException();
        super.visitMaxs(maxStack, maxLocals);
    }
}
