package dev.racetest.instrument;

import dev.racetest.instrument.hooks.LockOwnership;
import dev.racetest.instrument.hooks.SyncPointKind;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;

/**
 * Bracket the calls that take and release the locks of {@code java.util.concurrent.locks} with
 * {@link LockOwnership} hooks, so the scheduler knows who holds which lock, since when, and which lock a
 * thread parked inside the JDK waits for:
 * <ul>
 *   <li>{@code lock()}, {@code lockInterruptibly()}, {@code tryLock()} and {@code unlock()} on a
 *       {@code ReentrantLock} (or a user class extending it), on the read and write locks of a
 *       {@code ReentrantReadWriteLock}, and through {@code Lock};</li>
 *   <li>{@code readLock()} and {@code writeLock()} of a {@code ReentrantReadWriteLock} (or through
 *       {@code ReadWriteLock}), which tie each view to its read-write lock;</li>
 *   <li>the stamp-returning {@code readLock}, {@code writeLock}, their {@code Interruptibly} and untimed
 *       {@code try} forms, and {@code unlockRead}, {@code unlockWrite} and {@code unlock} on a
 *       {@code StampedLock}.</li>
 * </ul>
 * The timed {@code tryLock}s are already wrappers of {@code LockWaits} here, which report for themselves.
 * It runs after {@link LibraryCallRewriter}, so the "acquiring" hook comes after the preemption point,
 * right before the call that may park. Semaphore permits are not tracked: they have no owner.
 */
final class LockOwnershipRewriter extends MethodRewriter {

    private static final Type HOOKS = Type.getType(LockOwnership.class);
    private static final Method ACQUIRING = PublicMethods.resolve(LockOwnership.class, "acquiring", Object.class, int.class);
    private static final Method ACQUIRED = PublicMethods.resolve(LockOwnership.class, "acquired", Object.class, int.class);
    private static final Method TRIED =
            PublicMethods.resolve(LockOwnership.class, "tried", Object.class, boolean.class, int.class);
    private static final Method RELEASED = PublicMethods.resolve(LockOwnership.class, "released", Object.class, int.class);
    private static final Method VIEW =
            PublicMethods.resolve(LockOwnership.class, "view", Object.class, Object.class, boolean.class);
    private static final Method STAMP_ACQUIRING =
            PublicMethods.resolve(LockOwnership.class, "stampAcquiring", Object.class, boolean.class, int.class);
    private static final Method STAMP_ACQUIRED = PublicMethods.resolve(LockOwnership.class, "stampAcquired",
            Object.class, long.class, boolean.class, int.class);
    private static final Method STAMP_RELEASED =
            PublicMethods.resolve(LockOwnership.class, "stampReleased", Object.class, long.class, int.class);

    private static final String LOCKS = "java/util/concurrent/locks/";
    private static final String REENTRANT_LOCK = LOCKS + "ReentrantLock";
    private static final Set<String> LOCK_OWNERS = Set.of(LOCKS + "Lock", REENTRANT_LOCK,
            LOCKS + "ReentrantReadWriteLock$ReadLock", LOCKS + "ReentrantReadWriteLock$WriteLock");
    private static final Set<String> READ_WRITE_OWNERS = Set.of(LOCKS + "ReentrantReadWriteLock", LOCKS + "ReadWriteLock");
    private static final String STAMPED_LOCK = LOCKS + "StampedLock";
    private static final Set<String> STAMPED_WRITES = Set.of("writeLock", "writeLockInterruptibly", "tryWriteLock");
    private static final Set<String> STAMPED_READS = Set.of("readLock", "readLockInterruptibly", "tryReadLock");
    private static final Set<String> STAMPED_RELEASES = Set.of("unlockWrite", "unlockRead", "unlock");

    LockOwnershipRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.OUTSIDE_STATIC_INITIALIZERS);
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
            if (opcode != INVOKEVIRTUAL && opcode != INVOKEINTERFACE) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            } else if (isLock(owner) && (descriptor.equals("()V") || descriptor.equals("()Z"))) {
                lockCall(opcode, owner, name, descriptor, isInterface);
            } else if (READ_WRITE_OWNERS.contains(owner) && (name.equals("readLock") || name.equals("writeLock"))
                    && descriptor.startsWith("()")) {
                dup();
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                push(name.equals("readLock"));
                invokeStatic(HOOKS, VIEW);
                checkCast(Type.getReturnType(descriptor));
            } else if (owner.equals(STAMPED_LOCK) && descriptor.equals("()J")
                    && (STAMPED_WRITES.contains(name) || STAMPED_READS.contains(name))) {
                boolean shared = STAMPED_READS.contains(name);
                int site = site(owner, name);
                dup();
                dup();
                push(shared);
                push(site);
                invokeStatic(HOOKS, STAMP_ACQUIRING);
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                push(shared);
                push(site);
                invokeStatic(HOOKS, STAMP_ACQUIRED);
            } else if (owner.equals(STAMPED_LOCK) && descriptor.equals("(J)V") && STAMPED_RELEASES.contains(name)) {
                int stamp = stash(Type.LONG_TYPE, 0);
                dup();
                loadLocal(stamp);
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                loadLocal(stamp);
                push(site(owner, name));
                invokeStatic(HOOKS, STAMP_RELEASED);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        /** {@code lock()}, {@code lockInterruptibly()}, {@code tryLock()}, {@code unlock()}: the receiver is the lock. */
        private void lockCall(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            boolean acquire = name.equals("lock") || name.equals("lockInterruptibly");
            boolean attempt = name.equals("tryLock") && descriptor.equals("()Z");
            boolean release = name.equals("unlock") && descriptor.equals("()V");
            if (!acquire && !attempt && !release || acquire && !descriptor.equals("()V")) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return;
            }
            int site = site(owner, name);
            dup();
            if (!release) {
                dup();
                push(site);
                invokeStatic(HOOKS, ACQUIRING);
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            if (attempt) {
                push(site); // stack: lock, acquired, site
                invokeStatic(HOOKS, TRIED);
            } else {
                push(site);
                invokeStatic(HOOKS, acquire ? ACQUIRED : RELEASED);
            }
        }

        private boolean isLock(String owner) {
            if (LOCK_OWNERS.contains(owner)) {
                return true;
            }
            // A user's subclass of ReentrantLock: javac names the receiver's static type as the owner.
            return !owner.startsWith("java/") && !owner.startsWith("[")
                    && context().hierarchy().superclasses(owner).contains(REENTRANT_LOCK);
        }

        private int site(String owner, String name) {
            return context().registerSite(SyncPointKind.LIBRARY_CALL, methodName(), currentLine(),
                    ClassContext.simpleName(owner) + "." + name);
        }
    }
}
