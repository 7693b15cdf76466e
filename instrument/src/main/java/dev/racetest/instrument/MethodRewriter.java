package dev.racetest.instrument;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The class-level shell of a rewriter: it passes every method of its {@link Scope} through the
 * adapter the rewriter builds, and every other method through untouched.
 *
 * <p>Subclasses keep only what is their own, the adapter; {@link ClassRewriter} alone orders them.
 */
abstract class MethodRewriter extends ClassVisitor {

    /** Which methods a rewriter adapts. */
    enum Scope {
        /** Every method, static initialisers included. */
        ALL_METHODS,
        /**
         * Every method but static initialisers: {@code <clinit>} runs pinned to its carrier and
         * atomically with respect to the scheduler, so memory and atomic accesses in it are not
         * scheduling points and hooking them would only add sites that can never switch.
         */
        OUTSIDE_STATIC_INITIALIZERS,
        /** Static initialisers only. */
        STATIC_INITIALIZERS_ONLY;

        boolean covers(String methodName) {
            boolean staticInitializer = "<clinit>".equals(methodName);
            return switch (this) {
                case ALL_METHODS -> true;
                case OUTSIDE_STATIC_INITIALIZERS -> !staticInitializer;
                case STATIC_INITIALIZERS_ONLY -> staticInitializer;
            };
        }
    }

    private final ClassContext context;
    private final Scope scope;

    MethodRewriter(ClassVisitor next, ClassContext context, Scope scope) {
        super(Opcodes.ASM9, next);
        this.context = context;
        this.scope = scope;
    }

    final ClassContext context() {
        return context;
    }

    @Override
    public final MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                           String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        return next == null || !scope.covers(name) || context.leavesAsItIs(name, descriptor)
                ? next : adapter(next, access, name, descriptor);
    }

    /** Return the visitor that rewrites one method in scope and forwards the result to {@code next}. */
    abstract MethodVisitor adapter(MethodVisitor next, int access, String name, String descriptor);
}
