package dev.racetest.instrument;

import dev.racetest.substitutes.ControlledScheduledExecutor;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Rewrite the construction of JDK thread pools so that, on a controlled thread, their workers are
 * controlled threads that wait for work on virtual time.
 *
 * <p>{@code ThreadPoolExecutor}: every {@code invokespecial ThreadPoolExecutor.<init>}, in a
 * {@code new} expression or a user subclass's {@code super(...)}, gets its work queue passed through
 * {@code ThreadPoolArguments.workQueue} and its thread factory through
 * {@code ThreadPoolArguments.threadFactory}; a constructor without a factory is swapped for the one
 * with a factory, given {@code ThreadPoolArguments.defaultThreadFactory()} (the rejection handler,
 * when there is one, is kept). The arguments above the queue are stashed in scratch locals and
 * reloaded; everything below them, the uninitialised receiver included, stays on the stack untouched.
 *
 * <p>{@code ScheduledThreadPoolExecutor}: {@code new} expressions become {@code new
 * ControlledScheduledExecutor} with the same arguments (the {@code NEW} type and the matching
 * {@code invokespecial}; the {@code DUP} stays), through {@link ConstructorSubstitution}; a
 * {@code super(...)} call in a user subclass has no {@code NEW} and is left alone, so such subclasses
 * stay JDK executors and their threads are reported as uncontrolled.
 *
 * <p>Not a scheduling point. Applies everywhere, static initialisers included, except in the
 * substitutes themselves, which build their pools with controlled arguments already.
 */
final class ThreadPoolConstructorRewriter extends MethodRewriter {

    private static final String POOL = Type.getInternalName(ThreadPoolExecutor.class);

    private static final String QUEUE_ONLY = poolConstructor(BlockingQueue.class);
    private static final String WITH_FACTORY = poolConstructor(BlockingQueue.class, ThreadFactory.class);
    private static final String WITH_HANDLER = poolConstructor(BlockingQueue.class, RejectedExecutionHandler.class);
    private static final String WITH_FACTORY_AND_HANDLER =
            poolConstructor(BlockingQueue.class, ThreadFactory.class, RejectedExecutionHandler.class);

    private static final Type FACTORY_TYPE = Type.getType(ThreadFactory.class);
    private static final Type HANDLER_TYPE = Type.getType(RejectedExecutionHandler.class);

    private static final ConstructorSubstitution.Classes SCHEDULED_POOLS =
            ConstructorSubstitution.Classes.of(ScheduledThreadPoolExecutor.class, ControlledScheduledExecutor.class);

    ThreadPoolConstructorRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.ALL_METHODS);
    }

    /** Return the descriptor of the public {@code ThreadPoolExecutor} constructor ending with {@code tail}. */
    private static String poolConstructor(Class<?>... tail) {
        Class<?>[] parameters = new Class<?>[4 + tail.length];
        parameters[0] = int.class;
        parameters[1] = int.class;
        parameters[2] = long.class;
        parameters[3] = TimeUnit.class;
        System.arraycopy(tail, 0, parameters, 4, tail.length);
        try {
            return Type.getConstructorDescriptor(ThreadPoolExecutor.class.getConstructor(parameters));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("ThreadPoolExecutor has no public constructor "
                    + Arrays.toString(parameters), e);
        }
    }

    @Override
    MethodVisitor adapter(MethodVisitor next, int access, String name, String descriptor) {
        if (SubstituteMethod.isSubstitute(context().internalName())) {
            return next;
        }
        return new Adapter(next, context(), access, name, descriptor);
    }

    private static final class Adapter extends SyncPointAdapter {
        private final ConstructorSubstitution scheduledPools = new ConstructorSubstitution(SCHEDULED_POOLS);

        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
            super(next, context, access, name, descriptor);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            super.visitTypeInsn(opcode, scheduledPools.typeInstruction(opcode, type));
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode != INVOKESPECIAL || !name.equals("<init>")) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return;
            }
            String scheduledOwner = scheduledPools.specialCallOwner(owner, name);
            if (!scheduledOwner.equals(owner)) {
                super.visitMethodInsn(opcode, scheduledOwner, name, descriptor, false);
            } else if (owner.equals(POOL) && controlArguments(descriptor)) {
                boolean hasHandler = descriptor.equals(WITH_HANDLER) || descriptor.equals(WITH_FACTORY_AND_HANDLER);
                super.visitMethodInsn(opcode, owner, name, hasHandler ? WITH_FACTORY_AND_HANDLER : WITH_FACTORY, false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        /**
         * Emit the calls that replace the queue and factory arguments on the stack, leaving the
         * arguments of the constructor with a factory (and a handler, if it had one); return {@code false},
         * emitting nothing, for a descriptor that is not a public constructor of the pool.
         */
        private boolean controlArguments(String descriptor) {
            boolean hasFactory = descriptor.equals(WITH_FACTORY) || descriptor.equals(WITH_FACTORY_AND_HANDLER);
            boolean hasHandler = descriptor.equals(WITH_HANDLER) || descriptor.equals(WITH_FACTORY_AND_HANDLER);
            if (!hasFactory && !hasHandler && !descriptor.equals(QUEUE_ONLY)) {
                return false;
            }
            int handler = hasHandler ? stash(HANDLER_TYPE, 0) : -1;
            int factory = hasFactory ? stash(FACTORY_TYPE, 1) : -1;
            call(SubstituteMethod.WORK_QUEUE);
            if (hasFactory) {
                loadLocal(factory);
                call(SubstituteMethod.THREAD_FACTORY);
            } else {
                call(SubstituteMethod.DEFAULT_THREAD_FACTORY);
            }
            if (hasHandler) {
                loadLocal(handler);
            }
            return true;
        }

        private void call(SubstituteMethod method) {
            invokeStatic(method.owner(), method.method());
        }
    }
}
