package dev.racetest.instrument;

import dev.racetest.instrument.hooks.SyncPointKind;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Turn {@code synchronized} methods into explicit {@code Hooks.monitorEnter/monitorExit} calls.
 *
 * <p>A non-native synchronized method loses {@code ACC_SYNCHRONIZED} (the JVM would otherwise take a
 * real monitor) and becomes:
 * <pre>
 *   Hooks.monitorEnter(monitor, site)
 *   try { body, with Hooks.monitorExit(monitor, site) before every return }
 *   catch (any) { Hooks.monitorExit(monitor, site); rethrow }
 * </pre>
 * where {@code monitor} is {@code this}, or the class constant for a static method. The catch-all
 * handler is registered after the body's own handlers, so it only sees what they let through, and
 * does not cover itself, so a failing exit cannot loop. Native methods keep the flag: their monitor
 * is taken by the JVM and cannot be modelled.
 *
 * <p>Each method is buffered first, to learn its first line number for the entry site before any
 * code is emitted. That, and clearing the flag before the next visitor sees the method, is why this
 * is a plain {@code ClassVisitor} rather than a {@link MethodRewriter}.
 */
final class SynchronizedMethodRewriter extends ClassVisitor {

    private static final Type CLASS_TYPE = Type.getType(Class.class);
    private static final Method FOR_NAME = PublicMethods.resolve(Class.class, "forName", String.class);

    private final ClassContext context;

    SynchronizedMethodRewriter(ClassVisitor next, ClassContext context) {
        super(Opcodes.ASM9, next);
        this.context = context;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        boolean rewrite = (access & Opcodes.ACC_SYNCHRONIZED) != 0 && (access & Opcodes.ACC_NATIVE) == 0
                && !context.leavesAsItIs(name, descriptor);
        if (!rewrite) {
            return super.visitMethod(access, name, descriptor, signature, exceptions);
        }
        int plainAccess = access & ~Opcodes.ACC_SYNCHRONIZED;
        MethodVisitor next = super.visitMethod(plainAccess, name, descriptor, signature, exceptions);
        if (next == null) {
            return null;
        }
        return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
            @Override
            public void visitEnd() {
                super.visitEnd();
                accept(new Adapter(next, context, plainAccess, name, descriptor, firstLine(this)));
            }
        };
    }

    private static int firstLine(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LineNumberNode lineNumber) {
                return lineNumber.line;
            }
        }
        return -1;
    }

    private static final class Adapter extends BracketingAdapter {
        private final boolean isStatic;
        private final String target;
        private final int entryLine;

        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor,
                int entryLine) {
            super(next, context, access, name, descriptor);
            this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
            this.target = "synchronized " + context.simpleName() + "." + name;
            this.entryLine = entryLine;
        }

        @Override
        void enter() {
            pushMonitor();
            callHook(HookMethod.MONITOR_ENTER, SyncPointKind.MONITOR_ENTER, target, entryLine);
        }

        @Override
        void exit() {
            pushMonitor();
            callHook(HookMethod.MONITOR_EXIT, SyncPointKind.MONITOR_EXIT, target);
        }

        private void pushMonitor() {
            if (!isStatic) {
                loadThis();
            } else if ((context().version() & 0xFFFF) >= V1_5) {
                push(Type.getObjectType(context().internalName()));
            } else {
                // Class files before 49 cannot load a class constant with ldc.
                push(context().internalName().replace('/', '.'));
                invokeStatic(CLASS_TYPE, FOR_NAME);
            }
        }
    }
}
