package dev.racetest.instrument;

import dev.racetest.substitutes.AsyncSubstitutes;
import dev.racetest.substitutes.AsyncTimeouts;
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
 * matched whatever subclass javac names as owner. Method references are redirected alike, through a
 * bridge ({@link MethodReferenceRouter}). {@code super.*Async(...)} ({@code invokespecial}) is left
 * alone, and so are the classes of {@code dev.racetest.substitutes}, which call the JDK on purpose.
 * Applies everywhere, static initialisers included.
 */
final class AsyncCallRewriter extends CallRedirectingRewriter {

    private static final RedirectedCall.Table CALLS = new RedirectedCall.Table();

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
        CALLS.add(AsyncSubstitutes.class, CompletableFuture.class, "completeAsync", Supplier.class)
                .add(AsyncTimeouts.class, CompletableFuture.class, "orTimeout", long.class, TimeUnit.class)
                .add(AsyncTimeouts.class, CompletableFuture.class, "completeOnTimeout", Object.class, long.class,
                        TimeUnit.class)
                .add(AsyncSubstitutes.class, CompletableFuture.class, "supplyAsync", Supplier.class)
                .add(AsyncSubstitutes.class, CompletableFuture.class, "runAsync", Runnable.class)
                .add(AsyncTimeouts.class, CompletableFuture.class, "delayedExecutor", long.class, TimeUnit.class)
                .add(AsyncTimeouts.class, CompletableFuture.class, "delayedExecutor", long.class, TimeUnit.class,
                        Executor.class);
    }

    AsyncCallRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, null);
    }

    /**
     * Redirect a {@code CompletionStage} method and its {@code CompletableFuture} override, both to one
     * stand-in, which takes any stage: the override's result is cast back.
     */
    private static void stage(String name, Class<?>... parameterTypes) {
        CALLS.add(AsyncSubstitutes.class, CompletionStage.class, name, parameterTypes)
                .add(AsyncSubstitutes.class, CompletableFuture.class, name, parameterTypes);
    }

    @Override
    RedirectedCall redirect(int opcode, String owner, String key, boolean isInterface) {
        return CALLS.find(context().hierarchy(), opcode, owner, key);
    }
}
