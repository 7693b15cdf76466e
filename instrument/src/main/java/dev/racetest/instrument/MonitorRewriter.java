package dev.racetest.instrument;

import dev.racetest.instrument.hooks.SyncPointKind;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;

/**
 * Replace {@code monitorenter} and {@code monitorexit} with {@code Hooks.monitorEnter/monitorExit}.
 *
 * <p>The instructions disappear because the scheduler models monitors itself: a real monitor taken
 * by a controlled thread would block the single carrier. Applies everywhere, static initialisers
 * included, so the monitor model sees every acquisition it later sees released. The monitor is
 * already on the stack, so each instruction becomes "push site; invokestatic".
 */
final class MonitorRewriter extends MethodRewriter {

    MonitorRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.ALL_METHODS);
    }

    @Override
    MethodVisitor adapter(MethodVisitor next, int access, String name, String descriptor) {
        return new Adapter(next, context(), access, name, descriptor);
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
                case MONITORENTER -> callHook(HookMethod.MONITOR_ENTER, SyncPointKind.MONITOR_ENTER, target);
                case MONITOREXIT -> callHook(HookMethod.MONITOR_EXIT, SyncPointKind.MONITOR_EXIT, target);
                default -> super.visitInsn(opcode);
            }
        }
    }
}
