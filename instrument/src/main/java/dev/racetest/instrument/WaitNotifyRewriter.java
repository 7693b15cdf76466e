package dev.racetest.instrument;

import dev.racetest.instrument.hooks.SyncPointKind;
import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;

/**
 * Replace calls of {@code Object.wait}, {@code notify} and {@code notifyAll} with the matching hooks.
 *
 * <p>These methods are final in {@code Object}, so a call with their name and descriptor means them
 * whatever class the instruction names as owner. The monitor and the arguments are already on the
 * stack in the order the hook takes them. Applies everywhere, like {@link MonitorRewriter}, whose
 * monitors these calls wait on.
 */
final class WaitNotifyRewriter extends MethodRewriter {

    /** Keyed by name + descriptor, both computed from {@code Object}'s own methods. */
    private static final Map<String, CallReplacement> REPLACEMENTS = Map.of(
            key("wait"), new CallReplacement(HookMethod.OBJECT_WAIT, SyncPointKind.WAIT),
            key("wait", long.class), new CallReplacement(HookMethod.OBJECT_WAIT_MILLIS, SyncPointKind.WAIT),
            key("wait", long.class, int.class),
            new CallReplacement(HookMethod.OBJECT_WAIT_MILLIS_NANOS, SyncPointKind.WAIT),
            key("notify"), new CallReplacement(HookMethod.OBJECT_NOTIFY, SyncPointKind.NOTIFY),
            key("notifyAll"), new CallReplacement(HookMethod.OBJECT_NOTIFY_ALL, SyncPointKind.NOTIFY_ALL));

    WaitNotifyRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.ALL_METHODS);
    }

    private static String key(String name, Class<?>... parameterTypes) {
        return PublicMethods.key(Object.class, name, parameterTypes);
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
            CallReplacement replacement = opcode == INVOKEVIRTUAL || opcode == INVOKEINTERFACE
                    ? REPLACEMENTS.get(name + descriptor)
                    : null;
            if (replacement == null) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            } else {
                replaceCall(replacement, ClassContext.simpleName(owner) + "." + name);
            }
        }
    }
}
