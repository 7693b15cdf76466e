package dev.racetest.instrument;

import dev.racetest.substitutes.ControlledForkJoinPool;
import dev.racetest.substitutes.ForkJoinSubstitutes;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Send {@code ForkJoinPool}s and forks to controlled threads: {@code new ForkJoinPool(...)} becomes
 * {@code new ControlledForkJoinPool(...)}, and {@code ForkJoinPool.commonPool()}, {@code task.fork()} and
 * the static {@code ForkJoinTask.invokeAll} become calls of {@link ForkJoinSubstitutes}.
 *
 * <p>{@code fork()} is final, so any {@code invokevirtual fork()} whose owner is {@code ForkJoinTask} or a
 * subclass (such as {@code RecursiveTask}, {@code CountedCompleter} or the user's task) is the JDK's;
 * static calls are matched whatever subclass javac names as owner. A user subclass of
 * {@code ForkJoinPool} keeps its real superclass (see {@link ConstructorSubstitution}). Method
 * references ({@code ForkJoinTask::fork}, {@code ForkJoinPool::new}) are retargeted alike
 * ({@link MethodReferences}). Classes of {@code dev.racetest.substitutes} are left alone, so that the
 * substitutes reach the JDK. Applies everywhere, static initialisers included.
 */
final class ForkJoinCallRewriter extends MethodRewriter {

    private static final String POOL = Type.getInternalName(ForkJoinPool.class);
    private static final String TASK = Type.getInternalName(ForkJoinTask.class);

    private static final String COMMON_POOL = PublicMethods.key(ForkJoinPool.class, "commonPool");
    private static final String FORK = PublicMethods.key(ForkJoinTask.class, "fork");
    private static final Map<String, RedirectedCall> TASK_STATICS = Map.of(
            PublicMethods.key(ForkJoinTask.class, "invokeAll", ForkJoinTask.class, ForkJoinTask.class),
            RedirectedCall.to(ForkJoinSubstitutes.class, "invokeAll", ForkJoinTask.class, ForkJoinTask.class),
            PublicMethods.key(ForkJoinTask.class, "invokeAll", ForkJoinTask[].class),
            RedirectedCall.to(ForkJoinSubstitutes.class, "invokeAll", ForkJoinTask[].class),
            PublicMethods.key(ForkJoinTask.class, "invokeAll", Collection.class),
            RedirectedCall.to(ForkJoinSubstitutes.class, "invokeAll", Collection.class));
    private static final RedirectedCall COMMON_POOL_CALL = RedirectedCall.to(ForkJoinSubstitutes.class, "commonPool");
    private static final RedirectedCall FORK_CALL =
            RedirectedCall.to(ForkJoinSubstitutes.class, "fork", ForkJoinTask.class);

    static {
        // A NEW is retyped before its arguments are known, so every constructor must have its twin.
        for (Constructor<?> constructor : ForkJoinPool.class.getConstructors()) {
            try {
                ControlledForkJoinPool.class.getConstructor(constructor.getParameterTypes());
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("ControlledForkJoinPool lacks the constructor "
                        + Arrays.toString(constructor.getParameterTypes()) + " of ForkJoinPool", e);
            }
        }
    }

    ForkJoinCallRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.ALL_METHODS);
    }

    @Override
    MethodVisitor adapter(MethodVisitor next, int access, String name, String descriptor) {
        if (SubstituteMethod.isSubstitute(context().internalName())) {
            return next;
        }
        return new Adapter(next, context(), access, name, descriptor);
    }

    private static final class Adapter extends SyncPointAdapter {
        private final ConstructorSubstitution pools =
                new ConstructorSubstitution(ForkJoinPool.class, ControlledForkJoinPool.class);

        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
            super(next, context, access, name, descriptor);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            super.visitTypeInsn(opcode, pools.typeInstruction(opcode, type));
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            RedirectedCall redirect = isInterface ? null : redirect(opcode, owner, name + descriptor);
            if (redirect != null) {
                redirect.emit(this);
            } else if (opcode == INVOKESPECIAL) {
                super.visitMethodInsn(opcode, pools.specialCallOwner(owner, name), name, descriptor, isInterface);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap,
                    MethodReferences.retarget(descriptor, bootstrap, arguments, this::reference));
        }

        /** Return the stand-in for a method reference ({@code ForkJoinPool::new} included), or {@code null}. */
        private Handle reference(Handle handle) {
            if (handle.getTag() == H_NEWINVOKESPECIAL) {
                return pools.constructorHandle(handle);
            }
            RedirectedCall redirect = handle.isInterface() ? null
                    : redirect(RedirectedCall.opcodeOf(handle), handle.getOwner(), handle.getName() + handle.getDesc());
            return redirect == null ? null : redirect.referenceHandle();
        }

        private RedirectedCall redirect(int opcode, String owner, String key) {
            // The cheap name checks first: most calls never need the hierarchy.
            if (opcode == INVOKEVIRTUAL && key.equals(FORK) && isSubtype(owner, TASK)) {
                return FORK_CALL;
            }
            if (opcode == INVOKESTATIC && key.equals(COMMON_POOL) && isSubtype(owner, POOL)) {
                return COMMON_POOL_CALL;
            }
            RedirectedCall invokeAll = opcode == INVOKESTATIC ? TASK_STATICS.get(key) : null;
            return invokeAll != null && isSubtype(owner, TASK) ? invokeAll : null;
        }

        private boolean isSubtype(String owner, String type) {
            return owner.equals(type) || context().hierarchy().isSubtypeOf(owner, type);
        }
    }
}
