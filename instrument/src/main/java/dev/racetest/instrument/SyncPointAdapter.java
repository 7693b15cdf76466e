package dev.racetest.instrument;

import dev.racetest.instrument.hooks.SyncPointKind;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;

/**
 * The common ground of the method rewriters: the current source line, site registration, hook calls
 * and scratch locals.
 *
 * <p>Code emitted through the {@link GeneratorAdapter} helpers goes straight to the next visitor, past
 * this adapter's own overrides, so a rewriter never sees (and never rewrites) its own output. A plain
 * {@code GeneratorAdapter} rather than an {@code AdviceAdapter}: the latter simulates the stack of
 * constructors through its own overrides, which replaced instructions would bypass; the one rewriter
 * that needs to know when a constructor has called {@code super()} puts an {@code AdviceAdapter} in
 * front of itself instead ({@link FieldAccessRewriter}).
 */
abstract class SyncPointAdapter extends GeneratorAdapter implements Opcodes {

    private static final Type OBJECT_TYPE = Type.getType(Object.class);

    private final ClassContext context;
    private final String methodName;
    private int line = -1;
    /** Scratch locals reused across sites of this method; a stashed value never outlives its site. */
    private final Map<String, Integer> scratch = new HashMap<>();

    SyncPointAdapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
        super(Opcodes.ASM9, next, access, name, descriptor);
        this.context = context;
        this.methodName = name;
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        this.line = line;
        super.visitLineNumber(line, start);
    }

    final ClassContext context() {
        return context;
    }

    final String methodName() {
        return methodName;
    }

    /** Return the line of the instruction being visited, or {@code -1} when the class has no line numbers. */
    final int currentLine() {
        return line;
    }

    /**
     * Return whether this method is a static initialiser: it runs pinned and atomically, so memory
     * and atomic accesses in it are not scheduling points.
     */
    final boolean inStaticInitializer() {
        return "<clinit>".equals(methodName);
    }

    /** Register a site at the current line and push its id. */
    final void pushSite(SyncPointKind kind, String target) {
        pushSite(kind, target, line);
    }

    final void pushSite(SyncPointKind kind, String target, int siteLine) {
        push(context.registerSite(kind, methodName, siteLine, target));
    }

    final void invokeHook(HookMethod hook) {
        invokeStatic(HookMethod.HOOKS, hook.method());
    }

    /** Pop the value on top of the stack into a scratch local for {@code type} and return that local. */
    final int stash(Type type, int ordinal) {
        Type slotType = scratchType(type);
        int local = scratch.computeIfAbsent(slotType.getDescriptor() + ordinal, key -> newLocal(slotType));
        storeLocal(local);
        return local;
    }

    private static Type scratchType(Type type) {
        return switch (type.getSort()) {
            case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> Type.INT_TYPE;
            case Type.FLOAT, Type.LONG, Type.DOUBLE -> type;
            default -> OBJECT_TYPE;
        };
    }
}
