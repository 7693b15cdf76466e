package dev.racetest.substitutes;

import dev.racetest.instrument.hooks.Hooks;
import java.util.Date;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand in for {@code new Timer(...)}: rewritten code constructs this subclass instead (a user's own
 * subclass of {@code Timer} keeps the real superclass and stays uncontrolled).
 *
 * <p>Constructed on a controlled thread, it cancels the real timer at once, so the JDK's timer thread
 * ends without ever running a task, and runs its tasks on a {@link TimerQueue} instead: one
 * controlled worker thread named like the JDK's ({@code Timer-N}, numbered within the execution; a
 * daemon when asked), which waits on the virtual clock. Scheduling, cancelling and purging follow the
 * JDK, messages included; task states live in {@link TimerTaskStates}. Constructed anywhere else,
 * every method is the JDK's.
 *
 * <p>The JDK also ends a timer's thread once the timer is garbage collected; a controlled timer's
 * thread ends only by {@code cancel()} or a task that throws, so a non-daemon timer nobody cancels
 * keeps its execution from ending.
 */
public class ControlledTimer extends Timer {

    /** Numbers unnamed timers within one execution, as the JDK's {@code Timer-N} does across the JVM. */
    private static final AtomicInteger SERIAL_NUMBERS = new AtomicInteger();

    /** {@code null} when the timer was constructed on an uncontrolled thread: then it is the JDK's timer. */
    private final TimerQueue queue;

    // Each constructor reaches the JDK's Timer(String, boolean), as the JDK's own constructors do; a
    // controlled timer's real thread is made a daemon so that it can never hold the JVM up.

    public ControlledTimer() {
        this(false);
    }

    public ControlledTimer(boolean isDaemon) {
        super(isDaemon || controlled());
        this.queue = controlled() ? startQueue("Timer-" + SERIAL_NUMBERS.getAndIncrement(), isDaemon) : null;
    }

    public ControlledTimer(String name) {
        this(name, false);
    }

    public ControlledTimer(String name, boolean isDaemon) {
        super(name, isDaemon || controlled());
        this.queue = controlled() ? startQueue(name, isDaemon) : null;
    }

    private static boolean controlled() {
        return Hooks.boundHandler() != null;
    }

    private TimerQueue startQueue(String name, boolean isDaemon) {
        super.cancel();
        return TimerQueue.start(name, isDaemon);
    }

    @Override
    public void schedule(TimerTask task, long delay) {
        if (queue == null) {
            super.schedule(task, delay);
            return;
        }
        if (delay < 0) {
            throw new IllegalArgumentException("Negative delay.");
        }
        queue.schedule(task, System.currentTimeMillis() + delay, 0);
    }

    @Override
    public void schedule(TimerTask task, Date time) {
        if (queue == null) {
            super.schedule(task, time);
            return;
        }
        queue.schedule(task, time.getTime(), 0);
    }

    @Override
    public void schedule(TimerTask task, long delay, long period) {
        if (queue == null) {
            super.schedule(task, delay, period);
            return;
        }
        if (delay < 0) {
            throw new IllegalArgumentException("Negative delay.");
        }
        if (period <= 0) {
            throw new IllegalArgumentException("Non-positive period.");
        }
        queue.schedule(task, System.currentTimeMillis() + delay, -period);
    }

    @Override
    public void schedule(TimerTask task, Date firstTime, long period) {
        if (queue == null) {
            super.schedule(task, firstTime, period);
            return;
        }
        if (period <= 0) {
            throw new IllegalArgumentException("Non-positive period.");
        }
        queue.schedule(task, firstTime.getTime(), -period);
    }

    @Override
    public void scheduleAtFixedRate(TimerTask task, long delay, long period) {
        if (queue == null) {
            super.scheduleAtFixedRate(task, delay, period);
            return;
        }
        if (delay < 0) {
            throw new IllegalArgumentException("Negative delay.");
        }
        if (period <= 0) {
            throw new IllegalArgumentException("Non-positive period.");
        }
        queue.schedule(task, System.currentTimeMillis() + delay, period);
    }

    @Override
    public void scheduleAtFixedRate(TimerTask task, Date firstTime, long period) {
        if (queue == null) {
            super.scheduleAtFixedRate(task, firstTime, period);
            return;
        }
        if (period <= 0) {
            throw new IllegalArgumentException("Non-positive period.");
        }
        queue.schedule(task, firstTime.getTime(), period);
    }

    @Override
    public void cancel() {
        if (queue == null) {
            super.cancel();
        } else {
            queue.cancel();
        }
    }

    @Override
    public int purge() {
        return queue == null ? super.purge() : queue.purge();
    }
}
