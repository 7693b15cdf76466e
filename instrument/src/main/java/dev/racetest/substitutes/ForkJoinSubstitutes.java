package dev.racetest.substitutes;

import dev.racetest.instrument.hooks.Hooks;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntFunction;

/**
 * Stand in for {@code ForkJoinPool.commonPool()}, {@code ForkJoinTask.fork()} and the static
 * {@code ForkJoinTask.invokeAll}: rewritten code calls these instead.
 *
 * <p>On a controlled thread, the common pool is a {@link ControlledForkJoinPool} made once per
 * execution (statics here are fresh per execution), and a fork runs the task on a new controlled
 * worker of the pool whose task forks it, or of that common pool when a thread outside any pool
 * forks, as the JDK does. {@code join()}, {@code get()} and {@code invoke()} need no stand-in: a thread
 * that is not a JDK worker parks until the task completes, and the controlled thread that completes
 * it unparks it. Anywhere else every method is the JDK's.
 *
 * <p>Forks made inside the JDK, such as those of parallel streams, cannot be rewritten: their tasks
 * run on the JDK's common pool, and racetest reports those threads as uncontrolled.
 */
public final class ForkJoinSubstitutes {

    private ForkJoinSubstitutes() {
    }

    /** The execution's common pool, created on first use by a controlled thread. */
    private static final class Common {
        static final ControlledForkJoinPool POOL = ControlledForkJoinPool.newCommonPool();
    }

    private static boolean controlled() {
        return Hooks.boundHandler() != null;
    }

    public static ForkJoinPool commonPool() {
        return controlled() ? Common.POOL : ForkJoinPool.commonPool();
    }

    public static <T> ForkJoinTask<T> fork(ForkJoinTask<T> task) {
        if (!controlled()) {
            return task.fork();
        }
        Objects.requireNonNull(task);
        ForkJoinWorkers pool = Thread.currentThread() instanceof ForkJoinWorker worker ? worker.pool()
                : Common.POOL.workers();
        pool.start(task, false);
        return task;
    }

    /** Fork {@code t2}, run {@code t1} here, then join both, rethrowing the first failure as the JDK does. */
    public static void invokeAll(ForkJoinTask<?> t1, ForkJoinTask<?> t2) {
        if (!controlled()) {
            ForkJoinTask.invokeAll(t1, t2);
            return;
        }
        if (t1 == null || t2 == null) {
            throw new NullPointerException();
        }
        fork(t2);
        t1.quietlyInvoke();
        if (t1.isCompletedAbnormally()) {
            t2.cancel(false);
            t1.join(); // rethrows t1's exception
        } else {
            t2.quietlyJoin();
            if (t2.isCompletedAbnormally()) {
                t2.join();
            }
        }
    }

    /** Fork all but the first, run the first here, then join the rest; the first failure is rethrown. */
    public static void invokeAll(ForkJoinTask<?>... tasks) {
        if (!controlled()) {
            ForkJoinTask.invokeAll(tasks);
            return;
        }
        invokeAllControlled(tasks.length, i -> tasks[i]);
    }

    public static <T extends ForkJoinTask<?>> Collection<T> invokeAll(Collection<T> tasks) {
        if (!controlled()) {
            return ForkJoinTask.invokeAll(tasks);
        }
        if (!(tasks instanceof RandomAccess) || !(tasks instanceof List<?>)) {
            invokeAll(tasks.toArray(new ForkJoinTask<?>[0]));
            return tasks;
        }
        List<? extends ForkJoinTask<?>> list = (List<? extends ForkJoinTask<?>>) tasks;
        invokeAllControlled(list.size(), list::get);
        return tasks;
    }

    /**
     * The JDK's array and list {@code invokeAll}: fork from the last down to the second, stopping at a
     * {@code null} (which becomes the {@code NullPointerException} thrown); run the first here; then, if
     * nothing failed, join the others in order; on a failure cancel every task and rethrow it.
     */
    private static void invokeAllControlled(int count, IntFunction<? extends ForkJoinTask<?>> tasks) {
        Throwable failure = null;
        int last = count - 1;
        for (int i = last; i >= 0; i--) {
            ForkJoinTask<?> task = tasks.apply(i);
            if (task == null) {
                failure = new NullPointerException();
                break;
            }
            if (i == 0) {
                task.quietlyInvoke();
                if (task.isCompletedAbnormally()) {
                    failure = task.getException();
                }
                break;
            }
            fork(task);
        }
        if (failure == null) {
            for (int i = 1; i <= last; i++) {
                ForkJoinTask<?> task = tasks.apply(i);
                if (task != null) {
                    task.quietlyJoin();
                    if (task.isCompletedAbnormally()) {
                        failure = task.getException();
                        break;
                    }
                }
            }
        }
        if (failure != null) {
            for (int i = 1; i <= last; i++) {
                ForkJoinTask<?> task = tasks.apply(i);
                if (task != null) {
                    task.cancel(false);
                }
            }
            ForkJoinSubstitutes.<RuntimeException>sneakyThrow(failure);
        }
    }

    /** Throw {@code failure} whatever its type, as the JDK's {@code invokeAll} does with a task's exception. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable failure) throws E {
        throw (E) failure;
    }
}
