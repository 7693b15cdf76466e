package dev.racetest.substitutes;

import dev.racetest.instrument.hooks.Hooks;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The stand-ins for {@code newCondition()} and for the locks' condition queries that rewritten code
 * calls (see {@code ConditionCallRewriter}): {@code newCondition()} makes a {@link ControlledCondition}
 * on a controlled thread, and the queries answer for one.
 *
 * <p>Here rather than among the hooks because the hooks are loaded once, by the application's loader,
 * while this package is loaded through the instrumenting loader with the code that calls it: a
 * {@code ControlledCondition} created here is the instrumented one, whose monitor racetest models.
 *
 * <p>Only a lock whose class is exactly {@code ReentrantLock} or {@code ReentrantReadWriteLock.WriteLock}
 * gets a controlled condition: a user's subclass may override what the condition relies on, so it
 * keeps the JDK's. Everything else, and every call on a thread racetest does not control, is the
 * JDK's call, with its checks and messages.
 */
public final class ControlledConditions {

    private ControlledConditions() {
    }

    /** Replaces {@code lock.newCondition()} on a {@code Lock}, a {@code ReentrantLock} or a write lock. */
    public static Condition newCondition(Lock lock) {
        if (Hooks.boundHandler() != null) {
            // Through Object: getClass() called on a Lock would be a preemption point, as a call into the JDK's locks.
            Class<?> type = ((Object) lock).getClass();
            if (type == ReentrantLock.class) {
                return new ControlledCondition((ReentrantLock) lock);
            }
            if (type == ReentrantReadWriteLock.WriteLock.class) {
                return new ControlledCondition((ReentrantReadWriteLock.WriteLock) lock);
            }
        }
        return lock.newCondition();
    }

    /** Replaces {@code lock.hasWaiters(condition)}. */
    public static boolean hasWaiters(ReentrantLock lock, Condition condition) {
        ControlledCondition controlled = controlledConditionOf(lock, condition);
        return controlled != null ? controlled.hasWaiters() : lock.hasWaiters(condition);
    }

    /** Replaces {@code lock.getWaitQueueLength(condition)}. */
    public static int getWaitQueueLength(ReentrantLock lock, Condition condition) {
        ControlledCondition controlled = controlledConditionOf(lock, condition);
        return controlled != null ? controlled.getWaitQueueLength() : lock.getWaitQueueLength(condition);
    }

    /** Replaces {@code lock.hasWaiters(condition)}, whose conditions are its write lock's. */
    public static boolean hasWaiters(ReentrantReadWriteLock lock, Condition condition) {
        ControlledCondition controlled = controlledConditionOf(lock.writeLock(), condition);
        return controlled != null ? controlled.hasWaiters() : lock.hasWaiters(condition);
    }

    /** Replaces {@code lock.getWaitQueueLength(condition)}, whose conditions are its write lock's. */
    public static int getWaitQueueLength(ReentrantReadWriteLock lock, Condition condition) {
        ControlledCondition controlled = controlledConditionOf(lock.writeLock(), condition);
        return controlled != null ? controlled.getWaitQueueLength() : lock.getWaitQueueLength(condition);
    }

    /**
     * Return {@code condition} when it is a controlled condition of {@code lock}, else {@code null}: then
     * the JDK answers, and rejects a controlled condition of another lock ("not owner"), as it rejects
     * any condition that is not its own.
     */
    private static ControlledCondition controlledConditionOf(Lock lock, Condition condition) {
        return condition instanceof ControlledCondition controlled && controlled.belongsTo(lock)
                ? controlled : null;
    }
}
