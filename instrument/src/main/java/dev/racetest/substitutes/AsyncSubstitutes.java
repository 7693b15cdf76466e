package dev.racetest.substitutes;

import dev.racetest.instrument.hooks.Hooks;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Stand in for every {@code *Async} method of {@code CompletableFuture} and {@code CompletionStage} that
 * takes no {@code Executor}: rewritten code calls these instead, with the receiver first.
 *
 * <p>Without an executor the JDK runs the step on its common pool, whose platform threads racetest
 * cannot control. On a controlled thread each method here calls the variant that takes an executor
 * instead and passes the execution's {@linkplain ForkJoinSubstitutes#commonPool() controlled common
 * pool}, which runs each step on a new controlled daemon thread named like the JDK's
 * ({@code ForkJoinPool.commonPool-worker-N}). A {@code CompletableFuture} subclass whose
 * {@code defaultExecutor()} returns an executor of its own keeps it. Anywhere else each method calls
 * the very method it stands for.
 *
 * <p>Instance methods take and return {@code CompletionStage}, so one stand-in serves calls through
 * either type; the rewriter casts the result back when the call was made on a {@code CompletableFuture}.
 * A subclass that overrides an executor-less {@code *Async} method itself is bypassed on controlled
 * threads (its executor variant is called).
 */
public final class AsyncSubstitutes {

    private AsyncSubstitutes() {
    }

    /**
     * Return the executor a controlled thread's async step runs on, or {@code null} when the calling
     * thread is not controlled and the JDK's own method must run.
     */
    static Executor controlledExecutor(CompletionStage<?> stage) {
        if (Hooks.boundHandler() == null) {
            return null;
        }
        if (stage instanceof CompletableFuture<?> future) {
            Executor own = future.defaultExecutor();
            if (own != ForkJoinPool.commonPool()) {
                return own;
            }
        }
        return ForkJoinSubstitutes.commonPool();
    }

    public static <U> CompletableFuture<U> supplyAsync(Supplier<U> supplier) {
        return Hooks.boundHandler() == null ? CompletableFuture.supplyAsync(supplier)
                : CompletableFuture.supplyAsync(supplier, ForkJoinSubstitutes.commonPool());
    }

    public static CompletableFuture<Void> runAsync(Runnable runnable) {
        return Hooks.boundHandler() == null ? CompletableFuture.runAsync(runnable)
                : CompletableFuture.runAsync(runnable, ForkJoinSubstitutes.commonPool());
    }

    public static <T> CompletableFuture<T> completeAsync(CompletableFuture<T> future, Supplier<? extends T> supplier) {
        Executor executor = controlledExecutor(future);
        return executor == null ? future.completeAsync(supplier) : future.completeAsync(supplier, executor);
    }

    public static <T, U> CompletionStage<U> thenApplyAsync(CompletionStage<T> stage,
            Function<? super T, ? extends U> fn) {
        Executor executor = controlledExecutor(stage);
        return executor == null ? stage.thenApplyAsync(fn) : stage.thenApplyAsync(fn, executor);
    }

    public static <T> CompletionStage<Void> thenAcceptAsync(CompletionStage<T> stage, Consumer<? super T> action) {
        Executor executor = controlledExecutor(stage);
        return executor == null ? stage.thenAcceptAsync(action) : stage.thenAcceptAsync(action, executor);
    }

    public static CompletionStage<Void> thenRunAsync(CompletionStage<?> stage, Runnable action) {
        Executor executor = controlledExecutor(stage);
        return executor == null ? stage.thenRunAsync(action) : stage.thenRunAsync(action, executor);
    }

    public static <T, U, V> CompletionStage<V> thenCombineAsync(CompletionStage<T> stage,
            CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
        Executor executor = controlledExecutor(stage);
        return executor == null ? stage.thenCombineAsync(other, fn) : stage.thenCombineAsync(other, fn, executor);
    }

    public static <T, U> CompletionStage<Void> thenAcceptBothAsync(CompletionStage<T> stage,
            CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action) {
        Executor executor = controlledExecutor(stage);
        return executor == null ? stage.thenAcceptBothAsync(other, action)
                : stage.thenAcceptBothAsync(other, action, executor);
    }

    public static CompletionStage<Void> runAfterBothAsync(CompletionStage<?> stage, CompletionStage<?> other,
                                                          Runnable action) {
        Executor executor = controlledExecutor(stage);
        return executor == null ? stage.runAfterBothAsync(other, action)
                : stage.runAfterBothAsync(other, action, executor);
    }

    public static <T, U> CompletionStage<U> applyToEitherAsync(CompletionStage<T> stage,
            CompletionStage<? extends T> other, Function<? super T, U> fn) {
        Executor executor = controlledExecutor(stage);
        return executor == null ? stage.applyToEitherAsync(other, fn) : stage.applyToEitherAsync(other, fn, executor);
    }

    public static <T> CompletionStage<Void> acceptEitherAsync(CompletionStage<T> stage,
            CompletionStage<? extends T> other, Consumer<? super T> action) {
        Executor executor = controlledExecutor(stage);
        return executor == null ? stage.acceptEitherAsync(other, action)
                : stage.acceptEitherAsync(other, action, executor);
    }

    public static CompletionStage<Void> runAfterEitherAsync(CompletionStage<?> stage, CompletionStage<?> other,
                                                            Runnable action) {
        Executor executor = controlledExecutor(stage);
        return executor == null ? stage.runAfterEitherAsync(other, action)
                : stage.runAfterEitherAsync(other, action, executor);
    }

    public static <T, U> CompletionStage<U> thenComposeAsync(CompletionStage<T> stage,
            Function<? super T, ? extends CompletionStage<U>> fn) {
        Executor executor = controlledExecutor(stage);
        return executor == null ? stage.thenComposeAsync(fn) : stage.thenComposeAsync(fn, executor);
    }

    public static <T> CompletionStage<T> whenCompleteAsync(CompletionStage<T> stage,
            BiConsumer<? super T, ? super Throwable> action) {
        Executor executor = controlledExecutor(stage);
        return executor == null ? stage.whenCompleteAsync(action) : stage.whenCompleteAsync(action, executor);
    }

    public static <T, U> CompletionStage<U> handleAsync(CompletionStage<T> stage,
            BiFunction<? super T, Throwable, ? extends U> fn) {
        Executor executor = controlledExecutor(stage);
        return executor == null ? stage.handleAsync(fn) : stage.handleAsync(fn, executor);
    }

    public static <T> CompletionStage<T> exceptionallyAsync(CompletionStage<T> stage,
            Function<Throwable, ? extends T> fn) {
        Executor executor = controlledExecutor(stage);
        return executor == null ? stage.exceptionallyAsync(fn) : stage.exceptionallyAsync(fn, executor);
    }

    public static <T> CompletionStage<T> exceptionallyComposeAsync(CompletionStage<T> stage,
            Function<Throwable, ? extends CompletionStage<T>> fn) {
        Executor executor = controlledExecutor(stage);
        return executor == null ? stage.exceptionallyComposeAsync(fn) : stage.exceptionallyComposeAsync(fn, executor);
    }
}
