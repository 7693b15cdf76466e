package dev.racetest.instrument;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Return the redirect of {@code jdkMethod}, called on {@code type} or a subtype, to its namesake in
     * {@code substitutes}: the public static method that takes the receiver (as {@code type} or a
     * supertype of it) when {@code jdkMethod} is an instance method, then the same parameters. When it
     * returns a supertype of what the JDK method returns, its result is cast back. Fails at once if there
     * is no such method.
     */
    static RedirectedCall to(Class<?> substitutes, Class<?> type, java.lang.reflect.Method jdkMethod) {
        boolean hasReceiver = !Modifier.isStatic(jdkMethod.getModifiers());
        List<Class<?>> parameters = Arrays.asList(jdkMethod.getParameterTypes());
        List<java.lang.reflect.Method> candidates = Arrays.stream(substitutes.getMethods())
                .filter(candidate -> Modifier.isStatic(candidate.getModifiers())
                        && candidate.getName().equals(jdkMethod.getName()))
                .filter(candidate -> {
                    List<Class<?>> taken = Arrays.asList(candidate.getParameterTypes());
                    return hasReceiver
                            ? !taken.isEmpty() && taken.getFirst().isAssignableFrom(type)
                                    && taken.subList(1, taken.size()).equals(parameters)
                            : taken.equals(parameters);
                })
                .toList();
        if (candidates.size() != 1) {
            throw new IllegalStateException(substitutes.getSimpleName() + " has " + candidates.size()
                    + " public static stand-ins for " + type.getSimpleName() + "." + jdkMethod.getName()
                    + parameters.stream().map(Class::getSimpleName).toList() + ", not one");
        }
        java.lang.reflect.Method substitute = candidates.getFirst();
        Class<?> returned = substitute.getReturnType();
        Class<?> expected = jdkMethod.getReturnType();
        if (!returned.isAssignableFrom(expected)) {
            throw new IllegalStateException(substitutes.getSimpleName() + "." + substitute.getName() + " returns "
                    + returned.getSimpleName() + " where " + type.getSimpleName() + "." + jdkMethod.getName()
                    + " returns " + expected.getSimpleName());
        }
        return new RedirectedCall(Type.getType(substitutes), Method.getMethod(substitute),
                returned == expected ? null : Type.getType(expected));
    }

    /** Emit the call of the substitute (and the cast) in place of the replaced instruction. */
    void emit(GeneratorAdapter adapter) {
        adapter.invokeStatic(owner, method);
        if (cast != null) {
            adapter.checkCast(cast);
        }
    }

    /**
     * The calls one rewriter redirects, keyed by name + descriptor. A call matches a JDK method of
     * {@code type} when its owner is {@code type} or a subtype and it is the instruction that calls the
     * method: {@code invokestatic} for a static method; for an instance method {@code invokevirtual}, and
     * {@code invokeinterface} too when {@code type} is an interface. Never {@code invokespecial}, which is
     * a {@code super} call in an override and stays the real call.
     */
    static final class Table {

        private record Entry(String type, boolean onInterface, boolean isStatic, RedirectedCall call) {

            /** Whether a call instruction with {@code opcode} can call this entry's method. */
            boolean calledBy(int opcode) {
                return isStatic
                        ? opcode == Opcodes.INVOKESTATIC
                        : opcode == Opcodes.INVOKEVIRTUAL || onInterface && opcode == Opcodes.INVOKEINTERFACE;
            }
        }

        private final Map<String, Entry> entries = new HashMap<>();

        /**
         * Redirect the public method {@code type.name(parameterTypes)}, declared or inherited, to its
         * namesake in {@code substitutes} (see {@link RedirectedCall#to}).
         */
        Table add(Class<?> substitutes, Class<?> type, String name, Class<?>... parameterTypes) {
            java.lang.reflect.Method jdkMethod = PublicMethods.reflect(type, name, parameterTypes);
            Entry entry = new Entry(Type.getInternalName(type), type.isInterface(),
                    Modifier.isStatic(jdkMethod.getModifiers()), RedirectedCall.to(substitutes, type, jdkMethod));
            String key = jdkMethod.getName() + Type.getMethodDescriptor(jdkMethod);
            if (entries.putIfAbsent(key, entry) != null) {
                throw new IllegalStateException(key + " is redirected twice");
            }
            return this;
        }

        /**
         * Return the redirect of a call with {@code opcode} on {@code owner}, {@code key} being its name +
         * descriptor, or {@code null}.
         */
        RedirectedCall find(ClassHierarchy hierarchy, int opcode, String owner, String key) {
            // The cheap checks first: most calls never need the hierarchy.
            Entry entry = entries.get(key);
            if (entry == null || !entry.calledBy(opcode)) {
                return null;
            }
            return hierarchy.isSubtypeOf(owner, entry.type()) ? entry.call() : null;
        }
    }
}
