package dev.racetest.instrument.hooks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stand in for the timed waits on futures and executors at call sites in rewritten code, so that their
 * timeouts run on the virtual clock.
 *
 * <p>{@code get} and {@code awaitTermination} follow the shape described in {@link Waits}. The timed
 * {@code invokeAll} and {@code invokeAny} of a JDK executor wait inside the executor, where no call site
 * can be rewritten, so for them this class carries out the JDK's algorithm itself on top of the executor's
 * {@code execute}, waiting through this class's own {@code get} and {@link QueueWaits}: every wait of it is
 * then on the virtual clock, and each is a scheduling point.
 */
public final class FutureWaits {

    private static final JdkMethod GET = new JdkMethod(Future.class, "get", long.class, TimeUnit.class);
    private static final JdkMethod AWAIT_TERMINATION =
            new JdkMethod(ExecutorService.class, "awaitTermination", long.class, TimeUnit.class);
    private static final JdkMethod INVOKE_ALL =
            new JdkMethod(ExecutorService.class, "invokeAll", Collection.class, long.class, TimeUnit.class);
    private static final JdkMethod INVOKE_ANY =
            new JdkMethod(ExecutorService.class, "invokeAny", Collection.class, long.class, TimeUnit.class);

    private FutureWaits() {
    }

    public static Object get(Future<?> future, long timeout, TimeUnit unit, int site)
            throws InterruptedException, ExecutionException, TimeoutException {
        SyncPointHandler handler = Waits.handler(future, GET, site);
        long nanos = handler == null ? 0 : unit.toNanos(timeout);
        if (nanos <= 0) {
            Waits.preempt(handler, future, site);
            return future.get(timeout, unit);
        }
        return getWithin(handler, future, nanos, site);
    }

    /** {@code get} with a timeout of {@code nanos > 0}; it also serves {@code invokeAll}'s waits. */
    private static <T> T getWithin(SyncPointHandler handler, Future<T> future, long nanos, int site)
            throws InterruptedException, ExecutionException, TimeoutException {
        return Waits.<T, ExecutionException, TimeoutException>timed(handler, future, nanos, false, site,
                forever -> future.get(forever, TimeUnit.NANOSECONDS), Waits::timeoutException);
    }

    public static boolean awaitTermination(ExecutorService executor, long timeout, TimeUnit unit, int site)
            throws InterruptedException {
        SyncPointHandler handler = Waits.handler(executor, AWAIT_TERMINATION, site);
        long nanos = handler == null ? 0 : unit.toNanos(timeout);
        if (nanos <= 0) {
            Waits.preempt(handler, executor, site);
            return executor.awaitTermination(timeout, unit);
        }
        return Waits.timed(handler, executor, nanos, false, site,
                forever -> executor.awaitTermination(forever, TimeUnit.NANOSECONDS), ended -> false);
    }

    /**
     * Run every task and wait for all of them until the timeout, as {@code AbstractExecutorService} does:
     * the executor gets each task while time is left, and on timeout the tasks not done are cancelled.
     */
    public static List<Future<Object>> invokeAll(ExecutorService executor, Collection<Callable<Object>> tasks,
                                                 long timeout, TimeUnit unit, int site) throws InterruptedException {
        SyncPointHandler handler = Waits.handler(executor, INVOKE_ALL, site);
        long nanos = handler == null ? 0 : unit.toNanos(timeout);
        if (nanos <= 0) {
            Waits.preempt(handler, executor, site);
            return executor.invokeAll(tasks, timeout, unit);
        }
        long start = handler.nanoTime();
        List<Future<Object>> futures = new ArrayList<>(tasks.size());
        for (Callable<Object> task : tasks) {
            futures.add(new FutureTask<>(task));
        }
        int waitedFor = 0;
        try {
            for (int i = 0; i < futures.size(); i++) {
                if (i > 0 && remaining(handler, start, nanos) <= 0) {
                    return cancelFrom(futures, 0);
                }
                executor.execute((FutureTask<Object>) futures.get(i));
            }
            for (; waitedFor < futures.size(); waitedFor++) {
                Future<Object> future = futures.get(waitedFor);
                if (!future.isDone()) {
                    long left = remaining(handler, start, nanos);
                    try {
                        if (left <= 0) {
                            return cancelFrom(futures, waitedFor);
                        }
                        getWithin(handler, future, left, site);
                    } catch (CancellationException | ExecutionException failedTask) {
                        // its future says so; invokeAll itself only waits
                    } catch (TimeoutException timedOut) {
                        return cancelFrom(futures, waitedFor);
                    }
                }
            }
            return futures;
        } catch (Throwable failure) {
            cancelFrom(futures, 0);
            throw failure;
        }
    }

    /**
     * Run the tasks one after the other until one succeeds or the timeout expires, as
     * {@code AbstractExecutorService} does: the next task is submitted whenever none has completed yet,
     * and the tasks still running when the call returns are cancelled.
     */
    public static Object invokeAny(ExecutorService executor, Collection<Callable<Object>> tasks, long timeout,
                                   TimeUnit unit, int site)
            throws InterruptedException, ExecutionException, TimeoutException {
        SyncPointHandler handler = Waits.handler(executor, INVOKE_ANY, site);
        long nanos = handler == null ? 0 : unit.toNanos(timeout);
        if (nanos <= 0) {
            Waits.preempt(handler, executor, site);
            return executor.invokeAny(tasks, timeout, unit);
        }
        int unsubmitted = tasks.size();
        if (unsubmitted == 0) {
            throw new IllegalArgumentException();
        }
        long start = handler.nanoTime();
        // Our own queue, so the wait for a completed task goes through QueueWaits on the virtual clock.
        LinkedBlockingQueue<Future<Object>> completed = new LinkedBlockingQueue<>();
        ExecutorCompletionService<Object> service = new ExecutorCompletionService<>(executor, completed);
        List<Future<Object>> futures = new ArrayList<>(unsubmitted);
        try {
            Iterator<Callable<Object>> next = tasks.iterator();
            futures.add(service.submit(next.next()));
            unsubmitted--;
            int running = 1;
            ExecutionException lastFailure = null;
            while (true) {
                Future<?> done = completed.poll();
                if (done == null) {
                    if (unsubmitted > 0) {
                        futures.add(service.submit(next.next()));
                        unsubmitted--;
                        running++;
                        continue;
                    }
                    if (running == 0) {
                        break;
                    }
                    long left = remaining(handler, start, nanos);
                    done = left <= 0 ? null : (Future<?>) QueueWaits.poll(completed, left, TimeUnit.NANOSECONDS, site);
                    if (done == null) {
                        throw new TimeoutException();
                    }
                }
                running--;
                try {
                    return done.get();
                } catch (ExecutionException failed) {
                    lastFailure = failed;
                } catch (RuntimeException failed) {
                    lastFailure = new ExecutionException(failed);
                }
            }
            throw lastFailure != null ? lastFailure : new ExecutionException((Throwable) null);
        } finally {
            cancelFrom(futures, 0);
        }
    }

    private static long remaining(SyncPointHandler handler, long start, long nanos) {
        return nanos - (handler.nanoTime() - start); // overflow-free: nanos > 0, elapsed >= 0
    }

    private static List<Future<Object>> cancelFrom(List<Future<Object>> futures, int first) {
        for (int i = first; i < futures.size(); i++) {
            futures.get(i).cancel(true);
        }
        return futures;
    }
}
