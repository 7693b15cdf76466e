package dev.racetest.substitutes;

import dev.racetest.instrument.hooks.Hooks;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Stand in for {@code CompletableFuture.orTimeout}, {@code completeOnTimeout} and
 * {@code delayedExecutor}: rewritten code calls these instead.
 *
 * <p>The JDK times those on a hidden delay-scheduler thread, in real time. On a controlled thread each
 * delay here is an {@link AsyncDelayer} instead: a controlled daemon thread that sleeps the delay on
 * the virtual clock, so a timeout of an hour costs nothing, and a timeout that races the completion
 * it guards is a choice the scheduler explores. A timeout's delayer is interrupted, and ends, when the
 * future completes first. Anywhere else, and for {@code CompletableFuture} subclasses that override
 * {@code orTimeout} or {@code completeOnTimeout}, each method calls the very method it stands for.
 */
public final class AsyncTimeouts {

    private AsyncTimeouts() {
    }

    private static boolean controlled() {
        return Hooks.boundHandler() != null;
    }

    public static <T> CompletableFuture<T> orTimeout(CompletableFuture<T> future, long timeout, TimeUnit unit) {
        if (!controlled() || overrides(future, "orTimeout", long.class, TimeUnit.class)) {
            return future.orTimeout(timeout, unit);
        }
        arrangeTimeout(future, unit.toNanos(timeout), true, null);
        return future;
    }

    public static <T> CompletableFuture<T> completeOnTimeout(CompletableFuture<T> future, T value, long timeout,
                                                             TimeUnit unit) {
        if (!controlled() || overrides(future, "completeOnTimeout", Object.class, long.class, TimeUnit.class)) {
            return future.completeOnTimeout(value, timeout, unit);
        }
        arrangeTimeout(future, unit.toNanos(timeout), false, value);
        return future;
    }

    public static Executor delayedExecutor(long delay, TimeUnit unit) {
        if (!controlled()) {
            return CompletableFuture.delayedExecutor(delay, unit);
        }
        return new DelayedExecutor(unit.toNanos(delay), ForkJoinSubstitutes.commonPool(),
                CompletableFuture.delayedExecutor(delay, unit));
    }

    public static Executor delayedExecutor(long delay, TimeUnit unit, Executor executor) {
        if (!controlled()) {
            return CompletableFuture.delayedExecutor(delay, unit, executor);
        }
        return new DelayedExecutor(unit.toNanos(delay), Objects.requireNonNull(executor),
                CompletableFuture.delayedExecutor(delay, unit, executor));
    }

    /** As the JDK: nothing when already done; else a delayer, cancelled when the future completes first. */
    private static <T> void arrangeTimeout(CompletableFuture<T> future, long delayNanos, boolean exceptionally,
                                           T value) {
        if (future.isDone()) {
            return;
        }
        AsyncDelayer delayer = AsyncDelayer.completing(future, delayNanos, exceptionally, value);
        future.whenComplete((result, failure) -> delayer.cancel());
    }

    private static boolean overrides(CompletableFuture<?> future, String name, Class<?>... parameterTypes) {
        if (future.getClass() == CompletableFuture.class) {
            return false;
        }
        try {
            return future.getClass().getMethod(name, parameterTypes).getDeclaringClass() != CompletableFuture.class;
        } catch (NoSuchMethodException cannotHappen) {
            throw new AssertionError(cannotHappen);
        }
    }

    /**
     * The executor {@code delayedExecutor} returns: on a controlled thread each task waits on its own
     * delayer and is then handed to the base executor from there; on any other thread the JDK's delayed
     * executor takes it.
     */
    private static final class DelayedExecutor implements Executor {
        private final long delayNanos;
        private final Executor executor;
        private final Executor jdkDelayedExecutor;

        DelayedExecutor(long delayNanos, Executor executor, Executor jdkDelayedExecutor) {
            this.delayNanos = delayNanos;
            this.executor = executor;
            this.jdkDelayedExecutor = jdkDelayedExecutor;
        }

        @Override
        public void execute(Runnable task) {
            if (!controlled()) {
                jdkDelayedExecutor.execute(task);
            } else {
                AsyncDelayer.running(() -> executor.execute(task), delayNanos);
            }
        }
    }
}
