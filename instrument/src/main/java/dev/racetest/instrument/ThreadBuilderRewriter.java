package dev.racetest.instrument;

import dev.racetest.instrument.hooks.SyncPointKind;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Replace the JDK calls that create and start a thread in one go, {@code Thread.startVirtualThread(task)}
 * and {@code start(task)} on a {@code Thread.Builder}, with {@code ThreadBuilderHooks}, which create the
 * thread unstarted and start it through the start hook, so the thread is a controlled thread.
 *
 * <p>Builder calls are matched on {@code invokeinterface} whose owner is {@code Thread.Builder} or one
 * of its two JDK subinterfaces. Each call is a {@code THREAD_START} site, reported as the start of the
 * new thread. A builder's {@code unstarted(task)} and {@code factory()} go through the hooks too, with
 * no site: they start nothing, but a virtual thread's task must be recorded where it is created, since
 * the thread cannot give it back when its {@code start()} (rewritten already) reaches the scheduler.
 * Applies everywhere, static initialisers included, as the rewriting of {@code start()} does.
 */
final class ThreadBuilderRewriter extends MethodRewriter {

    private static final String THREAD = Type.getInternalName(Thread.class);
    private static final String START_VIRTUAL_THREAD =
            PublicMethods.key(Thread.class, "startVirtualThread", Runnable.class);
    private static final String BUILDER_START = PublicMethods.key(Thread.Builder.class, "start", Runnable.class);
    private static final String BUILDER_UNSTARTED = PublicMethods.key(Thread.Builder.class, "unstarted", Runnable.class);
    private static final String BUILDER_FACTORY = PublicMethods.key(Thread.Builder.class, "factory");
    private static final Set<String> BUILDERS = Set.of(Type.getInternalName(Thread.Builder.class),
            Type.getInternalName(Thread.Builder.OfPlatform.class),
            Type.getInternalName(Thread.Builder.OfVirtual.class));

    ThreadBuilderRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.ALL_METHODS);
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
            String key = name + descriptor;
            if (opcode == INVOKESTATIC && owner.equals(THREAD) && key.equals(START_VIRTUAL_THREAD)) {
                startThrough(SubstituteMethod.START_VIRTUAL_THREAD, "Thread.startVirtualThread");
            } else if (opcode == INVOKEINTERFACE && BUILDERS.contains(owner) && key.equals(BUILDER_START)) {
                startThrough(SubstituteMethod.BUILDER_START, "Thread.Builder.start");
            } else if (opcode == INVOKEINTERFACE && BUILDERS.contains(owner) && key.equals(BUILDER_UNSTARTED)) {
                invokeStatic(SubstituteMethod.BUILDER_UNSTARTED.owner(), SubstituteMethod.BUILDER_UNSTARTED.method());
            } else if (opcode == INVOKEINTERFACE && BUILDERS.contains(owner) && key.equals(BUILDER_FACTORY)) {
                invokeStatic(SubstituteMethod.BUILDER_FACTORY.owner(), SubstituteMethod.BUILDER_FACTORY.method());
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        private void startThrough(SubstituteMethod hook, String target) {
            push(context().registerSite(SyncPointKind.THREAD_START, methodName(), currentLine(), target));
            invokeStatic(hook.owner(), hook.method());
        }
    }
}
