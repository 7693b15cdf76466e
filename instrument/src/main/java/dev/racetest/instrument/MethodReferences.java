package dev.racetest.instrument;

import java.util.function.UnaryOperator;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;

/**
 * Retarget method references, such as {@code System::nanoTime}, whose method a rewriter replaces.
 *
 * <p>javac compiles a method reference to an {@code invokedynamic} of
 * {@code LambdaMetafactory.metafactory} whose second static argument is a handle to the method
 * itself, so the call a rewriter looks for never appears as an instruction. Swapping that handle for
 * one to the static hook works when the hook takes the receiver (if any) and the arguments of the
 * replaced method in order and returns the same type. Serializable references go through
 * {@code altMetafactory} and are left alone: their serialized form names the implementation method.
 * So are references that capture an argument of a type other than the hook's parameter, which the
 * metafactory would reject.
 */
final class MethodReferences {

    private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";

    private MethodReferences() {
    }

    /**
     * Return {@code arguments} with the implementation handle replaced by what {@code replacement}
     * answers for it, or {@code arguments} itself when the call site is not a plain method reference or
     * {@code replacement} answers {@code null}.
     */
    static Object[] retarget(String descriptor, Handle bootstrap, Object[] arguments,
                             UnaryOperator<Handle> replacement) {
        if (!bootstrap.getOwner().equals(LAMBDA_METAFACTORY) || !bootstrap.getName().equals("metafactory")
                || arguments.length != 3 || !(arguments[1] instanceof Handle implementation)) {
            return arguments;
        }
        Handle hook = replacement.apply(implementation);
        if (hook == null || !capturesFit(descriptor, hook)) {
            return arguments;
        }
        Object[] retargeted = arguments.clone();
        retargeted[1] = hook;
        return retargeted;
    }

    /** Return a handle to the static {@code method} of {@code owner}. */
    static Handle staticHandle(Type owner, Method method) {
        return new Handle(Opcodes.H_INVOKESTATIC, owner.getInternalName(), method.getName(), method.getDescriptor(),
                false);
    }

    /** The metafactory wants each captured argument to have exactly the type of the parameter it fills. */
    private static boolean capturesFit(String descriptor, Handle hook) {
        Type[] captured = Type.getArgumentTypes(descriptor);
        Type[] parameters = Type.getArgumentTypes(hook.getDesc());
        if (captured.length > parameters.length) {
            return false;
        }
        for (int i = 0; i < captured.length; i++) {
            if (!captured[i].equals(parameters[i])) {
                return false;
            }
        }
        return true;
    }
}
