package dev.racetest.instrument;

import dev.racetest.instrument.hooks.SyncPointKind;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Replace {@code monitorenter} and {@code monitorexit} with {@code Hooks.monitorEnter/monitorExit}.
 *
 * <p>The instructions disappear because the scheduler models monitors itself: a real monitor taken
 * by a controlled thread would block the single carrier. Applies everywhere, static initialisers
 * included, so the monitor model sees every acquisition it later sees released. The monitor is
 * already on the stack, so each instruction becomes "push site; invokestatic".
 */
final class MonitorRewriter extends ClassVisitor {

    private final ClassContext context;

    MonitorRewriter(ClassVisitor next, ClassContext context) {
        super(Opcodes.ASM9, next);
        this.context = context;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        return next == null ? null : new Adapter(next, context, access, name, descriptor);
    }

    private static final class Adapter extends SyncPointAdapter {
        private final String target;

        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
            super(next, context, access, name, descriptor);
            this.target = "synchronized block in " + context.simpleName() + "." + name;
        }

        @Override
        public void visitInsn(int opcode) {
            switch (opcode) {
                case MONITORENTER -> {
                    pushSite(SyncPointKind.MONITOR_ENTER, target);
                    invokeHook(HookMethod.MONITOR_ENTER);
                }
                case MONITOREXIT -> {
                    pushSite(SyncPointKind.MONITOR_EXIT, target);
                    invokeHook(HookMethod.MONITOR_EXIT);
                }
                default -> super.visitInsn(opcode);
            }
        }
    }
}
