package dev.racetest.instrument;

import dev.racetest.substitutes.SubstituteExecutors;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;

/**
 * Redirect the {@code Executors} factories that create threads to {@link SubstituteExecutors}, and
 * {@code close()} on executor services to {@code ExecutorClosing}, so that a pool's threads and its
 * waits are under racetest's control.
 *
 * <p>A factory call keeps its descriptor and only changes owner: each substitute has the signature of
 * its namesake and decides at run time whether to return a controlled executor or exactly the JDK's.
 * A {@code close()} call ({@code invokevirtual} or {@code invokeinterface}, not {@code super.close()})
 * is redirected when its owner is {@code ExecutorService} or a subtype, as far as class files tell;
 * the stand-in takes the receiver and decides at run time too. Neither is a scheduling point of its
 * own. Applies everywhere, static initialisers included, except in the substitutes themselves, which
 * call the JDK's methods on purpose.
 */
final class ExecutorCallRewriter extends MethodRewriter {

    private static final String EXECUTORS = Type.getInternalName(Executors.class);
    private static final String EXECUTOR_SERVICE = Type.getInternalName(ExecutorService.class);
    private static final String SUBSTITUTE_EXECUTORS = Type.getInternalName(SubstituteExecutors.class);

    /** The substituted factories, keyed by name + descriptor (the same for the JDK's and ours). */
    private static final Map<String, Method> FACTORIES = new HashMap<>();

    static {
        factory("newFixedThreadPool", int.class);
        factory("newFixedThreadPool", int.class, ThreadFactory.class);
        factory("newCachedThreadPool");
        factory("newCachedThreadPool", ThreadFactory.class);
        factory("newSingleThreadExecutor");
        factory("newSingleThreadExecutor", ThreadFactory.class);
        factory("newScheduledThreadPool", int.class);
        factory("newScheduledThreadPool", int.class, ThreadFactory.class);
        factory("newSingleThreadScheduledExecutor");
        factory("newSingleThreadScheduledExecutor", ThreadFactory.class);
        factory("newWorkStealingPool");
        factory("newWorkStealingPool", int.class);
        factory("newVirtualThreadPerTaskExecutor");
        factory("newThreadPerTaskExecutor", ThreadFactory.class);
        factory("defaultThreadFactory");
    }

    ExecutorCallRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.ALL_METHODS);
    }

    private static void factory(String name, Class<?>... parameterTypes) {
        Method jdk = PublicMethods.resolve(Executors.class, name, parameterTypes);
        Method substitute = PublicMethods.resolve(SubstituteExecutors.class, name, parameterTypes);
        if (!jdk.equals(substitute)) {
            throw new IllegalStateException("SubstituteExecutors." + substitute + " does not match Executors." + jdk);
        }
        FACTORIES.put(jdk.getName() + jdk.getDescriptor(), substitute);
    }

    @Override
    MethodVisitor adapter(MethodVisitor next, int access, String name, String descriptor) {
        if (SubstituteMethod.isSubstitute(context().internalName())) {
            return next;
        }
        return new Adapter(next, context(), access, name, descriptor);
    }

    private static final class Adapter extends SyncPointAdapter {
        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
            super(next, context, access, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == INVOKESTATIC && owner.equals(EXECUTORS) && FACTORIES.containsKey(name + descriptor)) {
                super.visitMethodInsn(INVOKESTATIC, SUBSTITUTE_EXECUTORS, name, descriptor, false);
            } else if (isExecutorClose(opcode, owner, name, descriptor)) {
                invokeStatic(SubstituteMethod.CLOSE.owner(), SubstituteMethod.CLOSE.method());
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        private boolean isExecutorClose(int opcode, String owner, String name, String descriptor) {
            // The cheap checks first: most close() calls are on streams and readers.
            return (opcode == INVOKEVIRTUAL || opcode == INVOKEINTERFACE) && name.equals("close")
                    && descriptor.equals("()V") && context().hierarchy().isSubtypeOf(owner, EXECUTOR_SERVICE);
        }
    }
}
