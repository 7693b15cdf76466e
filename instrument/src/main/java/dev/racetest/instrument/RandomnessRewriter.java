package dev.racetest.instrument;

import dev.racetest.instrument.hooks.RandomHooks;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;

/**
 * Replace unseeded randomness with values derived from the handler's seeds, through {@link RandomHooks}.
 *
 * <ul>
 *   <li>{@code new Random()}, {@code super()} into {@code Random()} and {@code new SplittableRandom()}:
 *       the {@code invokespecial} of the no-argument constructor becomes the {@code (long)} one with
 *       {@code RandomHooks.seed()} pushed; {@code NEW}/{@code DUP} stay.</li>
 *   <li>Calls on a {@code ThreadLocalRandom}, whose generator is the JVM's per carrier: the arguments
 *       are stashed, the receiver swapped for {@code RandomHooks.substitute} (the thread's seeded
 *       {@code Random} when controlled, else the receiver), the arguments reloaded, and the same
 *       name and descriptor called on {@code Random}, which has every one of them. Calls whose
 *       static type is {@code Random} or {@code RandomGenerator} get the same swap, since the
 *       receiver may be a {@code ThreadLocalRandom} all the same. {@code setSeed} is left alone: it
 *       throws on a {@code ThreadLocalRandom}, and must go on doing so.</li>
 *   <li>{@code Math.random()}, {@code StrictMath.random()}, {@code UUID.randomUUID()},
 *       {@code Collections.shuffle(List)}: the hook of the same descriptor.</li>
 * </ul>
 * Method references to any of them ({@code Math::random}, {@code Random::new},
 * {@code ThreadLocalRandom.current()::nextInt}) are redirected alike, through a bridge
 * ({@link MethodReferenceRouter}). Not scheduling points. Applies everywhere, static initialisers included.
 */
final class RandomnessRewriter extends MethodRewriter {

    private static final Type HOOKS = Type.getType(RandomHooks.class);
    private static final String RANDOM = Type.getInternalName(Random.class);
    private static final String THREAD_LOCAL_RANDOM = Type.getInternalName(ThreadLocalRandom.class);
    private static final String RANDOM_GENERATOR = Type.getInternalName(RandomGenerator.class);
    private static final Set<String> SEEDABLE = Set.of(RANDOM, Type.getInternalName(SplittableRandom.class));
    private static final String NO_ARGUMENT_CONSTRUCTOR = "<init>" + Type.getMethodDescriptor(Type.VOID_TYPE);
    private static final String SEED_CONSTRUCTOR = Type.getMethodDescriptor(Type.VOID_TYPE, Type.LONG_TYPE);
    private static final Method SEED = PublicMethods.resolve(RandomHooks.class, "seed");

    /** The {@code substitute} hook for each static receiver type it applies to. */
    private static final Map<String, Method> SUBSTITUTES = Map.of(
            THREAD_LOCAL_RANDOM, PublicMethods.resolve(RandomHooks.class, "substitute", ThreadLocalRandom.class),
            RANDOM, PublicMethods.resolve(RandomHooks.class, "substitute", Random.class),
            RANDOM_GENERATOR, PublicMethods.resolve(RandomHooks.class, "substitute", RandomGenerator.class));

    /** Name + descriptor of the generator methods whose calls are moved onto the substitute. */
    static final Set<String> GENERATOR_CALLS = generatorCalls();

    /** Static calls replaced by the hook of the same descriptor, by owner, name and descriptor. */
    private static final Map<String, Method> REPLACED = new HashMap<>();

    static {
        replace(Math.class, "random", "random");
        replace(StrictMath.class, "random", "random");
        replace(UUID.class, "randomUUID", "randomUUID");
        replace(Collections.class, "shuffle", "shuffle", List.class);
    }

    RandomnessRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.ALL_METHODS);
    }

    /**
     * Return the public instance methods of {@code ThreadLocalRandom} but {@code Object}'s and
     * {@code setSeed}, each of which {@code Random} has with the same descriptor (checked, so that a
     * JDK that adds one without the other fails here rather than in rewritten code).
     */
    private static Set<String> generatorCalls() {
        Set<String> calls = new HashSet<>();
        for (java.lang.reflect.Method method : ThreadLocalRandom.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class
                    || method.getName().equals("setSeed")) {
                continue;
            }
            Method onRandom = PublicMethods.resolve(Random.class, method.getName(), method.getParameterTypes());
            Method onThreadLocal = Method.getMethod(method);
            if (!onRandom.equals(onThreadLocal)) {
                throw new IllegalStateException("Random." + onRandom + " does not match ThreadLocalRandom." + onThreadLocal);
            }
            calls.add(onRandom.getName() + onRandom.getDescriptor());
        }
        return Set.copyOf(calls);
    }

    private static void replace(Class<?> owner, String name, String hookName, Class<?>... parameterTypes) {
        Method replaced = PublicMethods.resolve(owner, name, parameterTypes);
        Method hook = PublicMethods.resolve(RandomHooks.class, hookName, parameterTypes);
        if (!hook.getReturnType().equals(replaced.getReturnType())) {
            throw new IllegalStateException("RandomHooks." + hookName + " must return what " + owner.getSimpleName()
                    + "." + name + " returns");
        }
        REPLACED.put(Type.getInternalName(owner) + '.' + replaced.getName() + replaced.getDescriptor(), hook);
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
            switch (opcode) {
                case INVOKESPECIAL -> {
                    if (SEEDABLE.contains(owner) && NO_ARGUMENT_CONSTRUCTOR.equals(name + descriptor)) {
                        invokeStatic(HOOKS, SEED);
                        super.visitMethodInsn(INVOKESPECIAL, owner, name, SEED_CONSTRUCTOR, false);
                        return;
                    }
                }
                case INVOKESTATIC -> {
                    Method replacement = REPLACED.get(owner + '.' + name + descriptor);
                    if (replacement != null) {
                        invokeStatic(HOOKS, replacement);
                        return;
                    }
                }
                case INVOKEVIRTUAL, INVOKEINTERFACE -> {
                    Method substitute = SUBSTITUTES.get(owner);
                    if (substitute != null && GENERATOR_CALLS.contains(name + descriptor)) {
                        callOnSubstitute(substitute, opcode, owner, name, descriptor, isInterface);
                        return;
                    }
                }
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        private void callOnSubstitute(Method substitute, int opcode, String owner, String name, String descriptor,
                                      boolean isInterface) {
            Type[] arguments = Type.getArgumentTypes(descriptor);
            int[] locals = stashArguments(arguments);
            invokeStatic(HOOKS, substitute);
            reloadArguments(locals);
            // A ThreadLocalRandom call moves to Random, the substitute's type; the others keep their owner.
            String target = owner.equals(THREAD_LOCAL_RANDOM) ? RANDOM : owner;
            super.visitMethodInsn(opcode, target, name, descriptor, isInterface);
        }
    }
}
