package dev.racetest.instrument;

import dev.racetest.instrument.hooks.SyncPointKind;
import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Replace calls of {@code Object.wait}, {@code notify} and {@code notifyAll} with the matching hooks.
 *
 * <p>These methods are final in {@code Object}, so a call with their name and descriptor means them
 * whatever class the instruction names as owner. The monitor and the arguments are already on the
 * stack in the order the hook takes them. Applies everywhere, like {@link MonitorRewriter}, whose
 * monitors these calls wait on.
 */
final class WaitNotifyRewriter extends ClassVisitor {

    private record Replacement(HookMethod hook, SyncPointKind kind) {
    }

    /** Keyed by name + descriptor, both computed from {@code Object}'s own methods. */
    private static final Map<String, Replacement> REPLACEMENTS = Map.of(
            key("wait"), new Replacement(HookMethod.OBJECT_WAIT, SyncPointKind.WAIT),
            key("wait", long.class), new Replacement(HookMethod.OBJECT_WAIT_MILLIS, SyncPointKind.WAIT),
            key("wait", long.class, int.class), new Replacement(HookMethod.OBJECT_WAIT_MILLIS_NANOS, SyncPointKind.WAIT),
            key("notify"), new Replacement(HookMethod.OBJECT_NOTIFY, SyncPointKind.NOTIFY),
            key("notifyAll"), new Replacement(HookMethod.OBJECT_NOTIFY_ALL, SyncPointKind.NOTIFY_ALL));

    private final ClassContext context;

    WaitNotifyRewriter(ClassVisitor next, ClassContext context) {
        super(Opcodes.ASM9, next);
        this.context = context;
    }

    private static String key(String name, Class<?>... parameterTypes) {
        try {
            return name + Type.getMethodDescriptor(Object.class.getMethod(name, parameterTypes));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Object has no method " + name, e);
        }
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        return next == null ? null : new Adapter(next, context, access, name, descriptor);
    }

    private static final class Adapter extends SyncPointAdapter {
        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
            super(next, context, access, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            Replacement replacement = opcode == INVOKEVIRTUAL || opcode == INVOKEINTERFACE
                    ? REPLACEMENTS.get(name + descriptor)
                    : null;
            if (replacement == null) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return;
            }
            pushSite(replacement.kind(), ClassContext.simpleName(owner) + "." + name);
            invokeHook(replacement.hook());
        }
    }
}
