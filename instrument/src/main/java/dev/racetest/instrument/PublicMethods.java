package dev.racetest.instrument;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.objectweb.asm.commons.Method;

/**
 * Resolve public JDK and hook methods by reflection into their ASM form.
 *
 * <p>Descriptors are computed from the real methods rather than written by hand, so a signature
 * that does not exist fails at class initialisation of the rewriter that names it, not as a call
 * that silently never matches or a {@code NoSuchMethodError} in rewritten code.
 */
final class PublicMethods {

    private PublicMethods() {
    }

    /** Return the public method {@code owner.name(parameterTypes)}, declared or inherited. */
    static Method resolve(Class<?> owner, String name, Class<?>... parameterTypes) {
        return Method.getMethod(reflect(owner, name, parameterTypes));
    }

    /** Like {@link #resolve}, for the reflective method, when its modifiers or return class matter too. */
    static java.lang.reflect.Method reflect(Class<?> owner, String name, Class<?>... parameterTypes) {
        try {
            return owner.getMethod(name, parameterTypes);
        } catch (NoSuchMethodException e) {
            String parameters = Arrays.stream(parameterTypes).map(Class::getSimpleName)
                    .collect(Collectors.joining(", ", "(", ")"));
            throw new IllegalStateException(owner.getSimpleName() + " has no public method " + name + parameters, e);
        }
    }

    /**
     * Return name + descriptor of the public method {@code owner.name(parameterTypes)}: the key that
     * matches a call instruction's {@code name + descriptor}, whatever owner it names.
     */
    static String key(Class<?> owner, String name, Class<?>... parameterTypes) {
        Method method = resolve(owner, name, parameterTypes);
        return method.getName() + method.getDescriptor();
    }
}
