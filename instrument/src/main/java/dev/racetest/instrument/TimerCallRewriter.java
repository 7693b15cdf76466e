package dev.racetest.instrument;

import dev.racetest.substitutes.ControlledTimer;
import dev.racetest.substitutes.TimerTaskStates;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Send {@code java.util.Timer}s to controlled threads: {@code new Timer(...)} becomes
 * {@code new ControlledTimer(...)}, and {@code cancel()} and {@code scheduledExecutionTime()} on a
 * {@code TimerTask} become calls of {@link TimerTaskStates}, which a controlled timer consults because
 * it cannot read a task's own, package-private state.
 *
 * <p>Task calls are matched on {@code invokevirtual} whose owner is {@code TimerTask} or a subclass;
 * {@code super.cancel()} ({@code invokespecial}) inside a user's override stays the real call. A user
 * subclass of {@code Timer} keeps its real superclass (see {@link ConstructorSubstitution}). Method
 * references ({@code TimerTask::cancel}, {@code Timer::new}) are retargeted alike
 * ({@link MethodReferences}). Classes of {@code dev.racetest.substitutes} are left alone, so that the
 * substitutes reach the JDK. Applies everywhere, static initialisers included.
 */
final class TimerCallRewriter extends MethodRewriter {

    private static final String TASK = Type.getInternalName(TimerTask.class);

    private static final Map<String, RedirectedCall> TASK_CALLS = Map.of(
            PublicMethods.key(TimerTask.class, "cancel"),
            RedirectedCall.to(TimerTaskStates.class, "cancel", TimerTask.class),
            PublicMethods.key(TimerTask.class, "scheduledExecutionTime"),
            RedirectedCall.to(TimerTaskStates.class, "scheduledExecutionTime", TimerTask.class));

    static {
        // A NEW is retyped before its arguments are known, so every constructor must have its twin.
        for (Constructor<?> constructor : Timer.class.getConstructors()) {
            try {
                ControlledTimer.class.getConstructor(constructor.getParameterTypes());
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("ControlledTimer lacks the constructor "
                        + Arrays.toString(constructor.getParameterTypes()) + " of Timer", e);
            }
        }
    }

    TimerCallRewriter(ClassVisitor next, ClassContext context) {
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
        private final ConstructorSubstitution timers = new ConstructorSubstitution(Timer.class, ControlledTimer.class);

        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
            super(next, context, access, name, descriptor);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            super.visitTypeInsn(opcode, timers.typeInstruction(opcode, type));
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            RedirectedCall redirect = redirect(opcode, owner, name + descriptor);
            if (redirect != null) {
                redirect.emit(this);
            } else if (opcode == INVOKESPECIAL) {
                super.visitMethodInsn(opcode, timers.specialCallOwner(owner, name), name, descriptor, isInterface);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap,
                    MethodReferences.retarget(descriptor, bootstrap, arguments, this::reference));
        }

        /** Return the stand-in for a method reference ({@code Timer::new} included), or {@code null}. */
        private Handle reference(Handle handle) {
            if (handle.getTag() == H_NEWINVOKESPECIAL) {
                return timers.constructorHandle(handle);
            }
            RedirectedCall redirect =
                    redirect(RedirectedCall.opcodeOf(handle), handle.getOwner(), handle.getName() + handle.getDesc());
            return redirect == null ? null : redirect.referenceHandle();
        }

        private RedirectedCall redirect(int opcode, String owner, String key) {
            RedirectedCall redirect = opcode == INVOKEVIRTUAL ? TASK_CALLS.get(key) : null;
            return redirect != null && (owner.equals(TASK) || context().hierarchy().isSubtypeOf(owner, TASK))
                    ? redirect : null;
        }
    }
}
