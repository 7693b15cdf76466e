package dev.racetest.instrument;

import dev.racetest.substitutes.AsyncSubstitutes;
import dev.racetest.substitutes.AsyncTimeouts;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Send the asynchronous steps and timeouts of {@code CompletableFuture} to controlled threads: every
 * {@code *Async} call without an {@code Executor} becomes a call of {@link AsyncSubstitutes}, and
 * {@code orTimeout}, {@code completeOnTimeout} and {@code delayedExecutor} calls of {@link AsyncTimeouts}.
 * Calls that pass an executor need nothing: the executor decides where the step runs.
 *
 * <p>Instance calls are matched on {@code invokevirtual} whose owner is {@code CompletableFuture} or a
 * subclass, with the descriptor {@code CompletableFuture} declares (the result is cast back from the
 * stand-in's {@code CompletionStage}), and on {@code invokevirtual} or {@code invokeinterface} whose
 * owner is a subtype of {@code CompletionStage}, with the descriptor {@code CompletionStage} declares;
 * a subclass method that redeclares one with a narrower result is not matched. Static calls are
 * matched whatever subclass javac names as owner. Method references are retargeted alike
 * ({@link MethodReferences}), except those to the {@code CompletableFuture} instance methods, whose
 * stand-ins need a cast of their result. {@code super.*Async(...)} ({@code invokespecial}) is left
 * alone, and so are the classes of {@code dev.racetest.substitutes}, which call the JDK on purpose.
 * Applies everywhere, static initialisers included.
 */
final class AsyncCallRewriter extends MethodRewriter {

    private static final String FUTURE = Type.getInternalName(CompletableFuture.class);
    private static final String STAGE = Type.getInternalName(CompletionStage.class);
    private static final Type FUTURE_TYPE = Type.getType(CompletableFuture.class);

    /** Calls on a {@code CompletableFuture}, keyed by name + the descriptor it declares. */
    private static final Map<String, RedirectedCall> FUTURE_CALLS = new HashMap<>();
    /** Calls on a {@code CompletionStage}, keyed by name + the descriptor it declares. */
    private static final Map<String, RedirectedCall> STAGE_CALLS = new HashMap<>();
    private static final Map<String, RedirectedCall> STATIC_CALLS = new HashMap<>();

    static {
        stage("thenApplyAsync", Function.class);
        stage("thenAcceptAsync", Consumer.class);
        stage("thenRunAsync", Runnable.class);
        stage("thenCombineAsync", CompletionStage.class, BiFunction.class);
        stage("thenAcceptBothAsync", CompletionStage.class, BiConsumer.class);
        stage("runAfterBothAsync", CompletionStage.class, Runnable.class);
        stage("applyToEitherAsync", CompletionStage.class, Function.class);
        stage("acceptEitherAsync", CompletionStage.class, Consumer.class);
        stage("runAfterEitherAsync", CompletionStage.class, Runnable.class);
        stage("thenComposeAsync", Function.class);
        stage("whenCompleteAsync", BiConsumer.class);
        stage("handleAsync", BiFunction.class);
        stage("exceptionallyAsync", Function.class);
        stage("exceptionallyComposeAsync", Function.class);
        FUTURE_CALLS.put(PublicMethods.key(CompletableFuture.class, "completeAsync", Supplier.class),
                RedirectedCall.to(AsyncSubstitutes.class, "completeAsync", CompletableFuture.class, Supplier.class));
        FUTURE_CALLS.put(PublicMethods.key(CompletableFuture.class, "orTimeout", long.class, TimeUnit.class),
                RedirectedCall.to(AsyncTimeouts.class, "orTimeout", CompletableFuture.class, long.class,
                        TimeUnit.class));
        FUTURE_CALLS.put(PublicMethods.key(CompletableFuture.class, "completeOnTimeout", Object.class, long.class,
                        TimeUnit.class),
                RedirectedCall.to(AsyncTimeouts.class, "completeOnTimeout", CompletableFuture.class, Object.class,
                        long.class, TimeUnit.class));
        statics(AsyncSubstitutes.class, "supplyAsync", Supplier.class);
        statics(AsyncSubstitutes.class, "runAsync", Runnable.class);
        statics(AsyncTimeouts.class, "delayedExecutor", long.class, TimeUnit.class);
        statics(AsyncTimeouts.class, "delayedExecutor", long.class, TimeUnit.class, Executor.class);
    }

    AsyncCallRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.ALL_METHODS);
    }

    /** Register a {@code CompletionStage} method and its {@code CompletableFuture} override, both to one stand-in. */
    private static void stage(String name, Class<?>... parameterTypes) {
        Class<?>[] substituteParameters = new Class<?>[parameterTypes.length + 1];
        substituteParameters[0] = CompletionStage.class;
        System.arraycopy(parameterTypes, 0, substituteParameters, 1, parameterTypes.length);
        RedirectedCall redirect = RedirectedCall.to(AsyncSubstitutes.class, name, substituteParameters);
        STAGE_CALLS.put(PublicMethods.key(CompletionStage.class, name, parameterTypes), redirect);
        FUTURE_CALLS.put(PublicMethods.key(CompletableFuture.class, name, parameterTypes),
                redirect.castTo(FUTURE_TYPE));
    }

    private static void statics(Class<?> substitutes, String name, Class<?>... parameterTypes) {
        STATIC_CALLS.put(PublicMethods.key(CompletableFuture.class, name, parameterTypes),
                RedirectedCall.to(substitutes, name, parameterTypes));
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
            RedirectedCall redirect = redirect(opcode, owner, name + descriptor);
            if (redirect != null) {
                redirect.emit(this);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap,
                    MethodReferences.retarget(descriptor, bootstrap, arguments, this::reference));
        }

        /** Return the stand-in for a method reference, or {@code null}; those whose result needs a cast stay. */
        private Handle reference(Handle handle) {
            RedirectedCall redirect =
                    redirect(RedirectedCall.opcodeOf(handle), handle.getOwner(), handle.getName() + handle.getDesc());
            return redirect == null ? null : redirect.referenceHandle();
        }

        private RedirectedCall redirect(int opcode, String owner, String key) {
            // The cheap map lookups first: most calls never need the hierarchy.
            if (opcode == INVOKESTATIC) {
                RedirectedCall redirect = STATIC_CALLS.get(key);
                return redirect != null && isSubtype(owner, FUTURE) ? redirect : null;
            }
            if (opcode == INVOKEVIRTUAL) {
                RedirectedCall redirect = FUTURE_CALLS.get(key);
                if (redirect != null && isSubtype(owner, FUTURE)) {
                    return redirect;
                }
            } else if (opcode != INVOKEINTERFACE) {
                return null;
            }
            RedirectedCall redirect = STAGE_CALLS.get(key);
            return redirect != null && isSubtype(owner, STAGE) ? redirect : null;
        }

        private boolean isSubtype(String owner, String type) {
            return owner.equals(type) || context().hierarchy().isSubtypeOf(owner, type);
        }
    }
}
