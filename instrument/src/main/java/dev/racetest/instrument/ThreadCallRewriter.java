package dev.racetest.instrument;

import dev.racetest.instrument.hooks.SyncPointKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Replace calls of the {@code Thread} methods that start, wait for, pause or identify threads with
 * the matching hooks, so the scheduler controls them and user code keeps its {@code Thread} objects.
 *
 * <p>Instance methods are matched on {@code invokevirtual} whose owner is {@code Thread} or a
 * subclass (read from class files through {@link ClassHierarchy}); static ones on
 * {@code invokestatic}, since javac names a subclass as owner when the call is written through it.
 * {@code invokespecial} is left alone: that is {@code super.start()} inside a user override, which
 * must reach the real method. Each hook takes the receiver and arguments in the order the call had
 * them, plus a site id when the call is a scheduling point. Applies everywhere, static initialisers
 * included.
 */
final class ThreadCallRewriter extends MethodRewriter {

    private static final String THREAD = Type.getInternalName(Thread.class);
    private static final Map<String, CallReplacement> INSTANCE_CALLS = new HashMap<>();
    private static final Map<String, CallReplacement> STATIC_CALLS = new HashMap<>();

    static {
        instance(HookMethod.THREAD_START, SyncPointKind.THREAD_START, "start");
        instance(HookMethod.THREAD_JOIN, SyncPointKind.THREAD_JOIN, "join");
        instance(HookMethod.THREAD_JOIN_MILLIS, SyncPointKind.THREAD_JOIN, "join", long.class);
        instance(HookMethod.THREAD_JOIN_MILLIS_NANOS, SyncPointKind.THREAD_JOIN, "join", long.class, int.class);
        instance(HookMethod.THREAD_JOIN_DURATION, SyncPointKind.THREAD_JOIN, "join", Duration.class);
        instance(HookMethod.INTERRUPT, SyncPointKind.THREAD_INTERRUPT, "interrupt");
        instance(HookMethod.IS_INTERRUPTED, null, "isInterrupted");
        instance(HookMethod.IS_ALIVE, null, "isAlive");
        statics(HookMethod.SLEEP_MILLIS, SyncPointKind.THREAD_SLEEP, "sleep", long.class);
        statics(HookMethod.SLEEP_MILLIS_NANOS, SyncPointKind.THREAD_SLEEP, "sleep", long.class, int.class);
        statics(HookMethod.SLEEP_DURATION, SyncPointKind.THREAD_SLEEP, "sleep", Duration.class);
        statics(HookMethod.YIELD, SyncPointKind.THREAD_YIELD, "yield");
        statics(HookMethod.ON_SPIN_WAIT, SyncPointKind.THREAD_YIELD, "onSpinWait");
        statics(HookMethod.CURRENT_THREAD, null, "currentThread");
        statics(HookMethod.INTERRUPTED, null, "interrupted");
        statics(HookMethod.HOLDS_LOCK, null, "holdsLock", Object.class);
    }

    ThreadCallRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.ALL_METHODS);
    }

    private static void instance(HookMethod hook, SyncPointKind kind, String name, Class<?>... parameterTypes) {
        INSTANCE_CALLS.put(PublicMethods.key(Thread.class, name, parameterTypes), new CallReplacement(hook, kind));
    }

    private static void statics(HookMethod hook, SyncPointKind kind, String name, Class<?>... parameterTypes) {
        STATIC_CALLS.put(PublicMethods.key(Thread.class, name, parameterTypes), new CallReplacement(hook, kind));
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
            CallReplacement replacement = replacement(opcode, owner, name + descriptor, isInterface);
            if (replacement == null) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            } else {
                replaceCall(replacement, "Thread." + name);
            }
        }

        private CallReplacement replacement(int opcode, String owner, String key, boolean isInterface) {
            Map<String, CallReplacement> calls = switch (opcode) {
                case INVOKEVIRTUAL -> INSTANCE_CALLS;
                case INVOKESTATIC -> STATIC_CALLS;
                default -> Map.of();
            };
            CallReplacement replacement = isInterface ? null : calls.get(key);
            // The cheap name check first: most calls never need the hierarchy.
            if (replacement == null || !(owner.equals(THREAD) || context().hierarchy().isThread(owner))) {
                return null;
            }
            return replacement;
        }
    }
}
