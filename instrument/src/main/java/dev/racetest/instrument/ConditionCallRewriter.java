package dev.racetest.instrument;

import dev.racetest.substitutes.ControlledConditions;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Redirect {@code newCondition()} and the locks' condition queries to {@link ControlledConditions}, so
 * that a controlled thread's {@code ReentrantLock} (or write lock) gets a {@code ControlledCondition},
 * whose {@code signal()} wakes the waiter the strategy chooses instead of the JDK's longest waiting.
 *
 * <p>Redirected: {@code newCondition()} through {@code Lock} ({@code invokeinterface}) and on
 * {@code ReentrantLock} and {@code ReentrantReadWriteLock.WriteLock} ({@code invokevirtual}), and
 * {@code hasWaiters(Condition)} and {@code getWaitQueueLength(Condition)} on {@code ReentrantLock} and
 * {@code ReentrantReadWriteLock}, which must answer for the conditions they no longer make. Each
 * stand-in takes the receiver first and decides at run time. The call site gets no scheduling point:
 * the stand-ins are instrumented and have theirs (the JDK call they fall back on, the condition's
 * monitor).
 * Calls whose owner is a user subclass are left alone: a subclass keeps the JDK's conditions. Left
 * alone too: {@code getWaitingThreads}, which is protected and so only callable from such a subclass,
 * method references ({@code lock::newCondition}), which keep the JDK's condition, and the classes of
 * {@code dev.racetest.substitutes}, which call the JDK on purpose. The waits on a condition need no
 * rewriting here: the wait hooks of {@code BlockingCallRewriter} call a {@code ControlledCondition}'s
 * own {@code await} as written, since it is not the JDK's code. Applies everywhere, static
 * initialisers included.
 */
final class ConditionCallRewriter extends MethodRewriter {

    /** A call instruction: opcode, owner and name + descriptor. */
    private record Call(int opcode, String owner, String method) {
    }

    private static final String NEW_CONDITION = PublicMethods.key(Lock.class, "newCondition");
    private static final String REENTRANT_LOCK = Type.getInternalName(ReentrantLock.class);

    private static final Map<Call, SubstituteMethod> REDIRECTS = Map.of(
            new Call(Opcodes.INVOKEINTERFACE, Type.getInternalName(Lock.class), NEW_CONDITION),
            SubstituteMethod.NEW_CONDITION,
            new Call(Opcodes.INVOKEVIRTUAL, REENTRANT_LOCK, NEW_CONDITION), SubstituteMethod.NEW_CONDITION,
            new Call(Opcodes.INVOKEVIRTUAL, Type.getInternalName(ReentrantReadWriteLock.WriteLock.class),
                    NEW_CONDITION), SubstituteMethod.NEW_CONDITION,
            query(ReentrantLock.class, "hasWaiters"), SubstituteMethod.HAS_WAITERS,
            query(ReentrantLock.class, "getWaitQueueLength"), SubstituteMethod.WAIT_QUEUE_LENGTH,
            query(ReentrantReadWriteLock.class, "hasWaiters"), SubstituteMethod.READ_WRITE_HAS_WAITERS,
            query(ReentrantReadWriteLock.class, "getWaitQueueLength"), SubstituteMethod.READ_WRITE_WAIT_QUEUE_LENGTH);

    /** The call of the public query {@code lock.name(Condition)}. */
    private static Call query(Class<?> lock, String name) {
        return new Call(Opcodes.INVOKEVIRTUAL, Type.getInternalName(lock),
                PublicMethods.key(lock, name, Condition.class));
    }

    ConditionCallRewriter(ClassVisitor next, ClassContext context) {
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
        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
            super(next, context, access, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            SubstituteMethod redirect = REDIRECTS.get(new Call(opcode, owner, name + descriptor));
            if (redirect != null) {
                invokeStatic(redirect.owner(), redirect.method());
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }
    }
}
