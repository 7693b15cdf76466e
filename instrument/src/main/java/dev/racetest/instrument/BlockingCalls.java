package dev.racetest.instrument;

import dev.racetest.instrument.hooks.FutureWaits;
import dev.racetest.instrument.hooks.LockWaits;
import dev.racetest.instrument.hooks.ParkCalls;
import dev.racetest.instrument.hooks.QueueWaits;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SynchronizerWaits;
import dev.racetest.instrument.hooks.TimeUnitCalls;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TransferQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.StampedLock;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;

/**
 * The JDK calls that {@link BlockingCallRewriter} replaces, each with the hook of the same name that
 * stands in for it.
 *
 * <p>A hook takes the receiver (typed as the declaring class or interface), then the call's arguments,
 * then a site id, and returns what the call returns: the replacement is one {@code invokestatic} after a
 * pushed site, and the operand stack and the exception table stay valid. Both methods are resolved by
 * reflection here, so a hook that does not fit its JDK method fails at class initialisation.
 */
final class BlockingCalls {

    /**
     * One replaced JDK method.
     *
     * @param declaringType         the internal name of the class or interface declaring it
     * @param isStatic              whether it is a static method
     * @param hookOwner             the hooks class
     * @param hook                  the hook
     * @param kind                  the kind of the sites of its calls
     * @param inStaticInitializers  whether calls in {@code <clinit>} are replaced too
     */
    record Replacement(String declaringType, boolean isStatic, Type hookOwner, Method hook, SyncPointKind kind,
                       boolean inStaticInitializers) {
    }

    /** Candidates by the name + descriptor of the call; a few names are shared ({@code await}, {@code poll}). */
    private static final Map<String, List<Replacement>> BY_KEY = new HashMap<>();

    static {
        SyncPointKind waits = SyncPointKind.BLOCKING_CALL;
        instance(LockWaits.class, waits, Lock.class, "tryLock", long.class, TimeUnit.class);
        instance(LockWaits.class, waits, Condition.class, "await");
        instance(LockWaits.class, waits, Condition.class, "await", long.class, TimeUnit.class);
        instance(LockWaits.class, waits, Condition.class, "awaitNanos", long.class);
        instance(LockWaits.class, waits, Condition.class, "awaitUntil", Date.class);
        instance(LockWaits.class, waits, StampedLock.class, "tryReadLock", long.class, TimeUnit.class);
        instance(LockWaits.class, waits, StampedLock.class, "tryWriteLock", long.class, TimeUnit.class);

        instance(SynchronizerWaits.class, waits, Semaphore.class, "tryAcquire", long.class, TimeUnit.class);
        instance(SynchronizerWaits.class, waits, Semaphore.class, "tryAcquire", int.class, long.class, TimeUnit.class);
        instance(SynchronizerWaits.class, waits, CountDownLatch.class, "await", long.class, TimeUnit.class);
        instance(SynchronizerWaits.class, waits, CyclicBarrier.class, "await", long.class, TimeUnit.class);
        instance(SynchronizerWaits.class, waits, Phaser.class, "awaitAdvanceInterruptibly",
                int.class, long.class, TimeUnit.class);
        instance(SynchronizerWaits.class, waits, Exchanger.class, "exchange", Object.class, long.class, TimeUnit.class);

        instance(QueueWaits.class, waits, BlockingQueue.class, "poll", long.class, TimeUnit.class);
        instance(QueueWaits.class, waits, BlockingQueue.class, "offer", Object.class, long.class, TimeUnit.class);
        instance(QueueWaits.class, waits, BlockingDeque.class, "pollFirst", long.class, TimeUnit.class);
        instance(QueueWaits.class, waits, BlockingDeque.class, "pollLast", long.class, TimeUnit.class);
        instance(QueueWaits.class, waits, BlockingDeque.class, "offerFirst", Object.class, long.class, TimeUnit.class);
        instance(QueueWaits.class, waits, BlockingDeque.class, "offerLast", Object.class, long.class, TimeUnit.class);
        instance(QueueWaits.class, waits, TransferQueue.class, "tryTransfer", Object.class, long.class, TimeUnit.class);
        instance(QueueWaits.class, waits, CompletionService.class, "poll", long.class, TimeUnit.class);

        instance(FutureWaits.class, waits, Future.class, "get", long.class, TimeUnit.class);
        instance(FutureWaits.class, waits, ExecutorService.class, "awaitTermination", long.class, TimeUnit.class);
        instance(FutureWaits.class, waits, ExecutorService.class, "invokeAll",
                Collection.class, long.class, TimeUnit.class);
        instance(FutureWaits.class, waits, ExecutorService.class, "invokeAny",
                Collection.class, long.class, TimeUnit.class);

        statics(waits, "park");
        statics(waits, "park", Object.class);
        statics(waits, "parkNanos", long.class);
        statics(waits, "parkNanos", Object.class, long.class);
        statics(waits, "parkUntil", long.class);
        statics(waits, "parkUntil", Object.class, long.class);
        // Everywhere, static initialisers too: like Thread.sleep/join and Object.wait, these go to the
        // handler's model, and unpark must find the thread user code means wherever it is called.
        statics(SyncPointKind.LIBRARY_CALL, "unpark", Thread.class);
        instance(TimeUnitCalls.class, SyncPointKind.THREAD_SLEEP, TimeUnit.class, "sleep", long.class);
        instance(TimeUnitCalls.class, SyncPointKind.THREAD_JOIN, TimeUnit.class, "timedJoin", Thread.class, long.class);
        instance(TimeUnitCalls.class, SyncPointKind.WAIT, TimeUnit.class, "timedWait", Object.class, long.class);
    }

    private BlockingCalls() {
    }

    /**
     * Return the replacement for a call instruction, or {@code null}: instance methods match on their
     * declaring type or any subtype of it (read from class files), static ones on the declaring class.
     */
    static Replacement find(int opcode, String owner, String name, String descriptor, ClassHierarchy hierarchy) {
        List<Replacement> candidates = BY_KEY.get(name + descriptor);
        if (candidates == null) {
            return null;
        }
        for (Replacement candidate : candidates) {
            boolean matches = candidate.isStatic()
                    ? opcode == Opcodes.INVOKESTATIC && owner.equals(candidate.declaringType())
                    : (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE)
                            && hierarchy.isSubtypeOf(owner, candidate.declaringType());
            if (matches) {
                return candidate;
            }
        }
        return null;
    }

    private static void instance(Class<?> hooks, SyncPointKind kind, Class<?> declaring, String name,
                                 Class<?>... parameterTypes) {
        Class<?>[] hookParameters = new Class<?>[parameterTypes.length + 2];
        hookParameters[0] = declaring;
        System.arraycopy(parameterTypes, 0, hookParameters, 1, parameterTypes.length);
        hookParameters[hookParameters.length - 1] = int.class;
        add(hooks, kind, declaring, false, name, parameterTypes, hookParameters);
    }

    private static void statics(SyncPointKind kind, String name, Class<?>... parameterTypes) {
        Class<?>[] hookParameters = new Class<?>[parameterTypes.length + 1];
        System.arraycopy(parameterTypes, 0, hookParameters, 0, parameterTypes.length);
        hookParameters[hookParameters.length - 1] = int.class;
        add(ParkCalls.class, kind, LockSupport.class, true, name, parameterTypes, hookParameters);
    }

    private static void add(Class<?> hooks, SyncPointKind kind, Class<?> declaring, boolean isStatic, String name,
                            Class<?>[] parameterTypes, Class<?>[] hookParameters) {
        Method original = PublicMethods.resolve(declaring, name, parameterTypes);
        Method hook = PublicMethods.resolve(hooks, name, hookParameters);
        if (!hook.getReturnType().equals(original.getReturnType())) {
            throw new IllegalStateException(hooks.getSimpleName() + "." + name + " returns " + hook.getReturnType()
                    + " where " + declaring.getSimpleName() + "." + name + " returns " + original.getReturnType());
        }
        // A virtual wait inside <clinit> could only be ended by an interrupt while the thread holds its
        // carrier pinned; there the JDK's own wait on the real clock is the safer one.
        boolean inStaticInitializers = kind != SyncPointKind.BLOCKING_CALL;
        Replacement replacement = new Replacement(Type.getInternalName(declaring), isStatic, Type.getType(hooks), hook,
                kind, inStaticInitializers);
        BY_KEY.computeIfAbsent(original.getName() + original.getDescriptor(), key -> new ArrayList<>()).add(replacement);
    }
}
