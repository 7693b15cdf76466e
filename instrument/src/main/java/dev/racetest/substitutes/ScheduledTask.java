package dev.racetest.substitutes;

import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A task of a controlled {@link ControlledScheduledExecutor}: the JDK's {@code ScheduledFutureTask}
 * with its trigger time on the execution's virtual clock.
 *
 * <p>Trigger times are {@code System.nanoTime()} values, which this instrumented class reads from the
 * virtual clock. Tasks order by trigger time, then by the order they were scheduled in, so equal
 * delays run first come, first served. A periodic task re-arms itself after each run that completes
 * normally; one that throws, or is cancelled, ends.
 *
 * @param <V> the result type
 */
final class ScheduledTask<V> extends FutureTask<V> implements RunnableScheduledFuture<V> {

    /** The longest delay, as the JDK's: far enough that trigger-time differences cannot overflow. */
    private static final long MAX_NANOS = (Long.MAX_VALUE >>> 1) - 1;

    private final ScheduledWorkers workers;
    private final long sequenceNumber;
    /** Positive: fixed rate; negative: fixed delay; zero: runs once. */
    private final long period;
    /** The virtual {@code nanoTime} at which the task is due; rewritten only by the worker that runs it. */
    private volatile long time;

    ScheduledTask(ScheduledWorkers workers, Runnable task, V result, long triggerTime, long period) {
        super(task, result);
        this.workers = workers;
        this.time = triggerTime;
        this.period = period;
        this.sequenceNumber = workers.nextSequenceNumber();
    }

    ScheduledTask(ScheduledWorkers workers, Callable<V> task, long triggerTime) {
        super(task);
        this.workers = workers;
        this.time = triggerTime;
        this.period = 0;
        this.sequenceNumber = workers.nextSequenceNumber();
    }

    /** Return the virtual time a task delayed by {@code delay} of {@code unit} is due at. */
    static long triggerTime(long delay, TimeUnit unit) {
        return triggerTime(unit.toNanos(delay < 0 ? 0 : delay));
    }

    private static long triggerTime(long delayNanos) {
        return System.nanoTime() + Math.min(delayNanos, MAX_NANOS);
    }

    @Override
    public long getDelay(TimeUnit unit) {
        return unit.convert(time - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
        if (other == this) {
            return 0;
        }
        if (other instanceof ScheduledTask<?> task) {
            long diff = time - task.time;
            if (diff != 0) {
                return diff < 0 ? -1 : 1;
            }
            return sequenceNumber < task.sequenceNumber ? -1 : 1;
        }
        long diff = getDelay(TimeUnit.NANOSECONDS) - other.getDelay(TimeUnit.NANOSECONDS);
        return diff < 0 ? -1 : diff > 0 ? 1 : 0;
    }

    @Override
    public boolean isPeriodic() {
        return period != 0;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled && workers.removeOnCancel()) {
            workers.remove(this);
        }
        return cancelled;
    }

    @Override
    public void run() {
        if (!workers.canRunInCurrentState(this)) {
            cancel(false);
        } else if (!isPeriodic()) {
            super.run();
        } else if (super.runAndReset()) {
            time = period > 0 ? time + period : triggerTime(-period);
            workers.reExecutePeriodic(this);
        }
    }
}
