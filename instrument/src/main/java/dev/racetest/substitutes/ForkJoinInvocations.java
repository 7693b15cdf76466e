package dev.racetest.substitutes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/**
 * {@code invoke}, {@code invokeAll} and {@code invokeAny} of a controlled {@code ForkJoinPool}, with the
 * JDK's results, exceptions and cancellations, on {@link ForkJoinWorkers}.
 *
 * <p>Cancelling a task that still runs interrupts its worker from here, where the interrupt is
 * rewritten, rather than through {@code cancel(true)}, whose interrupt comes from inside the JDK.
 */
final class ForkJoinInvocations {

    private ForkJoinInvocations() {
    }

    static <T> T invoke(ForkJoinWorkers workers, ForkJoinTask<T> task) {
        workers.start(Objects.requireNonNull(task), true);
        try {
            return task.join();
        } catch (RuntimeException | Error unchecked) {
            throw unchecked;
        } catch (Exception checked) { // join() rethrows a checked exception a task threw sneakily
            throw new RuntimeException(checked);
        }
    }

    /**
     * Run every callable on its own worker and wait for all, newest first as the JDK does; at the
     * deadline the tasks not yet done are cancelled, and an interrupt cancels them all and is thrown.
     *
     * @param interruptible {@code false} for {@code invokeAllUninterruptibly}
     */
    static <T> List<Future<T>> invokeAll(ForkJoinWorkers workers, Collection<? extends Callable<T>> tasks,
                                         boolean interruptible, boolean timed, long nanos)
            throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        List<ForkJoinWorker> runners = new ArrayList<>(tasks.size());
        try {
            for (Callable<T> callable : tasks) {
                ForkJoinTask<T> task = interruptible ? ForkJoinTask.adaptInterruptible(callable)
                        : ForkJoinTask.adapt(callable);
                futures.add(task);
                runners.add(workers.start(task, true));
            }
            for (int i = futures.size() - 1; i >= 0; i--) {
                ForkJoinTask<?> task = (ForkJoinTask<?>) futures.get(i);
                if (!interruptible) {
                    task.quietlyJoin();
                } else if (!task.isDone() && Thread.interrupted()) {
                    throw new InterruptedException();
                } else if (!workers.awaitDone(task, timed, deadline)) {
                    cancel(task, runners.get(i));
                }
            }
            return futures;
        } catch (Throwable failure) {
            for (int i = 0; i < futures.size(); i++) {
                cancel((ForkJoinTask<?>) futures.get(i), i < runners.size() ? runners.get(i) : null);
            }
            throw failure;
        }
    }

    /**
     * Run every callable on its own worker and return the first result; when all fail, throw an
     * {@code ExecutionException} with the last failure. The others are cancelled either way.
     */
    static <T> T invokeAny(ForkJoinWorkers workers, Collection<? extends Callable<T>> tasks, boolean timed,
                           long nanos) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + nanos;
        int count = tasks.size();
        if (count <= 0) {
            throw new IllegalArgumentException();
        }
        Race<T> race = new Race<>(count);
        List<ForkJoinTask<?>> started = new ArrayList<>(count);
        List<ForkJoinWorker> runners = new ArrayList<>(count);
        try {
            for (Callable<T> callable : tasks) {
                Objects.requireNonNull(callable);
                ForkJoinTask<?> task = ForkJoinTask.adapt(() -> race.run(callable));
                started.add(task);
                runners.add(workers.start(task, true));
            }
            return race.await(timed, deadline);
        } finally {
            for (int i = 0; i < started.size(); i++) {
                cancel(started.get(i), runners.get(i));
            }
        }
    }

    private static void cancel(ForkJoinTask<?> task, ForkJoinWorker runner) {
        if (task.cancel(false) && runner != null) {
            runner.interrupt();
        }
    }

    /** The outcome of an {@code invokeAny}: the first result, or the last failure once all have failed. */
    private static final class Race<T> {
        private final Object lock = new Object();
        private int running;
        private boolean decided;
        private boolean succeeded;
        private T result;
        private Throwable failure;

        Race(int count) {
            this.running = count;
        }

        Void run(Callable<T> callable) {
            T value;
            try {
                value = callable.call();
            } catch (Throwable thrown) {
                synchronized (lock) {
                    if (!decided && --running == 0) {
                        failure = thrown;
                        decided = true;
                        lock.notifyAll();
                    }
                }
                return null;
            }
            synchronized (lock) {
                if (!decided) {
                    result = value;
                    succeeded = true;
                    decided = true;
                    lock.notifyAll();
                }
            }
            return null;
        }

        T await(boolean timed, long deadline) throws InterruptedException, ExecutionException, TimeoutException {
            synchronized (lock) {
                while (!decided) {
                    if (!timed) {
                        lock.wait();
                    } else {
                        long remaining = deadline - System.nanoTime();
                        if (remaining <= 0) {
                            throw new TimeoutException();
                        }
                        ForkJoinWorkers.waitNanos(lock, remaining);
                    }
                }
                if (succeeded) {
                    return result;
                }
                throw new ExecutionException(failure);
            }
        }
    }
}
