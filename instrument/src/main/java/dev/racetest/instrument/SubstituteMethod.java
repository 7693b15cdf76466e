package dev.racetest.instrument;

import dev.racetest.instrument.hooks.ThreadBuilderHooks;
import dev.racetest.substitutes.ControlledConditions;
import dev.racetest.substitutes.ExecutorClosing;
import dev.racetest.substitutes.ThreadPoolArguments;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;

/**
 * The static methods outside {@code Hooks} that the executor, thread-builder and condition rewriters
 * call, resolved by reflection once.
 *
 * <p>The substitutes ({@code dev.racetest.substitutes}) are instrumented like user code and loaded by
 * the instrumenting loader, so that their monitors and waits are scheduling points on virtual time; a
 * rewritten call names them by class name only and resolves to the instrumented copy. Resolving them
 * here (the uninstrumented copy, only for its signatures) makes a signature change fail at class
 * initialisation instead of as a {@code NoSuchMethodError} in rewritten code.
 */
enum SubstituteMethod {
    WORK_QUEUE(ThreadPoolArguments.class, "workQueue", BlockingQueue.class),
    THREAD_FACTORY(ThreadPoolArguments.class, "threadFactory", ThreadFactory.class),
    DEFAULT_THREAD_FACTORY(ThreadPoolArguments.class, "defaultThreadFactory"),
    CLOSE(ExecutorClosing.class, "close", ExecutorService.class),
    START_VIRTUAL_THREAD(ThreadBuilderHooks.class, "startVirtualThread", Runnable.class, int.class),
    BUILDER_START(ThreadBuilderHooks.class, "start", Thread.Builder.class, Runnable.class, int.class),
    BUILDER_UNSTARTED(ThreadBuilderHooks.class, "unstarted", Thread.Builder.class, Runnable.class),
    BUILDER_FACTORY(ThreadBuilderHooks.class, "factory", Thread.Builder.class),
    NEW_CONDITION(ControlledConditions.class, "newCondition", Lock.class),
    HAS_WAITERS(ControlledConditions.class, "hasWaiters", ReentrantLock.class, Condition.class),
    WAIT_QUEUE_LENGTH(ControlledConditions.class, "getWaitQueueLength", ReentrantLock.class, Condition.class),
    READ_WRITE_HAS_WAITERS(ControlledConditions.class, "hasWaiters", ReentrantReadWriteLock.class, Condition.class),
    READ_WRITE_WAIT_QUEUE_LENGTH(ControlledConditions.class, "getWaitQueueLength", ReentrantReadWriteLock.class,
            Condition.class);

    /** The package of the substitutes, which the executor rewriters leave alone: they call the JDK on purpose. */
    static final String SUBSTITUTES_PACKAGE = "dev/racetest/substitutes/";

    private final Type owner;
    private final Method method;

    SubstituteMethod(Class<?> owner, String name, Class<?>... parameterTypes) {
        this.owner = Type.getType(owner);
        this.method = PublicMethods.resolve(owner, name, parameterTypes);
    }

    Type owner() {
        return owner;
    }

    Method method() {
        return method;
    }

    /** Return whether the class with this internal name is one of the substitutes. */
    static boolean isSubstitute(String internalName) {
        return internalName.startsWith(SUBSTITUTES_PACKAGE);
    }
}
