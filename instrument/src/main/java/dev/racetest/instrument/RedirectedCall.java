package dev.racetest.instrument;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;
import org.objectweb.asm.commons.Method;

/**
 * A JDK call that rewritten code makes through a public static method of {@code dev.racetest.substitutes}
 * instead: the substitute takes the call's receiver (if any) and arguments in the order the call had them,
 * so the operand stack stays as it was.
 *
 * <p>Substitutes are ordinary instrumented classes: on a controlled thread they do the controlled
 * thing, anywhere else exactly what the JDK method does. Unlike hooks they take no site, since the
 * sync points they reach are their own, rewritten like user code.
 *
 * @param owner  the substitute class
 * @param method the substitute method
 * @param cast   the type the result is cast to afterwards, when the substitute returns a supertype of
 *               what the replaced call returned; {@code null} when no cast is needed
 */
record RedirectedCall(Type owner, Method method, Type cast) {

    /** Resolve the public static method {@code owner.name(parameterTypes)}; fails at once if it does not exist. */
    static RedirectedCall to(Class<?> owner, String name, Class<?>... parameterTypes) {
        return new RedirectedCall(Type.getType(owner), PublicMethods.resolve(owner, name, parameterTypes), null);
    }

    /** Return this redirect with its result cast to {@code type}, unless the substitute already returns that. */
    RedirectedCall castTo(Type type) {
        return type.equals(method.getReturnType()) ? this : new RedirectedCall(owner, method, type);
    }

    /**
     * Return a handle to the substitute, for a method reference to the replaced method, or {@code null}
     * when its result needs a cast, which {@code LambdaMetafactory} would not make.
     */
    Handle referenceHandle() {
        return cast != null ? null : MethodReferences.staticHandle(owner, method);
    }

    /** Return the call instruction a method handle stands for, or {@code -1} for other kinds of handle. */
    static int opcodeOf(Handle handle) {
        return switch (handle.getTag()) {
            case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
            case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
            case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
            case Opcodes.H_INVOKESPECIAL -> Opcodes.INVOKESPECIAL;
            default -> -1;
        };
    }

    /** Emit the call of the substitute (and the cast) in place of the replaced instruction. */
    void emit(GeneratorAdapter adapter) {
        adapter.invokeStatic(owner, method);
        if (cast != null) {
            adapter.checkCast(cast);
        }
    }
}
