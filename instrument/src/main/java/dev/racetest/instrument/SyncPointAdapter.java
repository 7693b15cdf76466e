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
     * Register a site at the current line and call {@code hook} with its id; the hook's other
     * arguments must already be on the stack, since every hook takes the site last.
     */
    final void callHook(HookMethod hook, SyncPointKind kind, String target) {
        callHook(hook, kind, target, line);
    }

    /** Like {@link #callHook(HookMethod, SyncPointKind, String)}, for a site at {@code siteLine}. */
    final void callHook(HookMethod hook, SyncPointKind kind, String target, int siteLine) {
        push(context.registerSite(kind, methodName, siteLine, target));
        invokeHook(hook);
    }

    /** Like {@link #callHook(HookMethod, SyncPointKind, String)}, for a field access whose declaration is known. */
    final void callFieldHook(HookMethod hook, SyncPointKind kind, String target, ClassHierarchy.Field field) {
        push(context.registerFieldSite(kind, methodName, line, target,
                field == null ? null : field.declaringClass().replace('/', '.') + "." + field.name(),
                field != null && field.benignRace()));
        invokeHook(hook);
    }

    /** Call {@code hook} with what is on the stack and no site. */
    final void invokeHook(HookMethod hook) {
        invokeStatic(HookMethod.HOOKS, hook.method());
    }

    /**
     * Emit {@code replacement} in place of the call being visited, which is not forwarded: the
     * receiver and arguments stay on the stack for the hook, followed by a site when it takes one.
     */
    final void replaceCall(CallReplacement replacement, String target) {
        if (replacement.kind() == null) {
            invokeHook(replacement.hook());
        } else {
            callHook(replacement.hook(), replacement.kind(), target);
        }
    }

    /**
     * Pop a call's arguments, the last on top, into scratch locals and return them in argument order,
     * so that what lies under them (a receiver) can be used and the arguments put back with
     * {@link #reloadArguments}.
     */
    final int[] stashArguments(Type[] arguments) {
        int[] locals = new int[arguments.length];
        for (int i = arguments.length - 1; i >= 0; i--) {
            locals[i] = stash(arguments[i], i);
        }
        return locals;
    }

    /** Push back the arguments {@link #stashArguments} took, in order. */
    final void reloadArguments(int[] locals) {
        for (int local : locals) {
            loadLocal(local);
        }
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
