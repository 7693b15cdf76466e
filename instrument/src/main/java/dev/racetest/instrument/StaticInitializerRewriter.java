package dev.racetest.instrument;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;

/**
 * Bracket every static initialiser with {@code Hooks.staticInitializerEnter/Exit}.
 *
 * <p>A virtual thread running {@code <clinit>} is pinned to its carrier, so the scheduler must know
 * when it may not switch (see ARCHITECTURE.md). The body becomes:
 * <pre>
 *   Hooks.staticInitializerEnter()
 *   try { body, with Hooks.staticInitializerExit() before every return }
 *   catch (any) { Hooks.staticInitializerExit(); rethrow }
 * </pre>
 * The catch-all handler comes after the body's own handlers and does not cover itself.
 */
final class StaticInitializerRewriter extends MethodRewriter {

    StaticInitializerRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.STATIC_INITIALIZERS_ONLY);
    }

    @Override
    MethodVisitor adapter(MethodVisitor next, int access, String name, String descriptor) {
        return new Adapter(next, context(), access, name, descriptor);
    }

    private static final class Adapter extends BracketingAdapter {
        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
            super(next, context, access, name, descriptor);
        }

        @Override
        void enter() {
            invokeHook(HookMethod.STATIC_INITIALIZER_ENTER);
        }

        @Override
        void exit() {
            invokeHook(HookMethod.STATIC_INITIALIZER_EXIT);
        }
    }
}
