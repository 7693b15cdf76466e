package dev.racetest.substitutes;

import dev.racetest.instrument.hooks.Hooks;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TimerTask;

/**
 * The scheduling state of the {@code TimerTask}s of controlled timers, and the stand-ins for
 * {@code TimerTask.cancel()} and {@code scheduledExecutionTime()} that rewritten code calls.
 *
 * <p>A {@code TimerTask} keeps its state in package-private fields of {@code java.util}, which a
 * {@link ControlledTimer} cannot reach, so it keeps its own here, keyed by identity. A cancel from
 * rewritten code records itself here, where the timer sees it, and then calls the task's real (or
 * overridden) {@code cancel()}. A cancel this class does not see (through a method reference, or from
 * JDK code) does not stop a controlled timer.
 *
 * <p>Statics here are fresh per execution, like the tasks they describe; only controlled threads
 * record anything. Guarded by {@link #LOCK}, which a timer takes inside its own queue lock, as the JDK
 * takes a task's lock inside its queue's.
 */
public final class TimerTaskStates {

    static final int VIRGIN = 0;
    static final int SCHEDULED = 1;
    static final int EXECUTED = 2;
    static final int CANCELLED = 3;

    static final Object LOCK = new Object();
    private static final Map<TimerTask, State> STATES = new IdentityHashMap<>();

    private TimerTaskStates() {
    }

    /** What the JDK keeps in a task's own fields; guarded by {@link #LOCK}. */
    static final class State {
        int state = VIRGIN;
        /** Whether a controlled timer scheduled the task, so that the fields below are its. */
        boolean scheduled;
        long nextExecutionTime;
        /** Positive: fixed rate; negative: fixed delay; zero: once. */
        long period;
    }

    /**
     * Mark {@code task} scheduled at {@code time} with {@code period}; call it holding {@link #LOCK}.
     *
     * @throws IllegalStateException if the task was scheduled or cancelled before, as the JDK does
     */
    static State schedule(TimerTask task, long time, long period) {
        State state = STATES.computeIfAbsent(Objects.requireNonNull(task), key -> new State());
        if (state.state != VIRGIN) {
            throw new IllegalStateException("Task already scheduled or cancelled");
        }
        state.nextExecutionTime = time;
        state.period = period;
        state.state = SCHEDULED;
        state.scheduled = true;
        return state;
    }

    /** Return the state of a task a controlled timer scheduled; call it holding {@link #LOCK}. */
    static State of(TimerTask task) {
        return STATES.get(task);
    }

    /** Stand in for {@code task.cancel()}. */
    public static boolean cancel(TimerTask task) {
        if (Hooks.boundHandler() == null) {
            return task.cancel();
        }
        Objects.requireNonNull(task);
        State known;
        boolean wasScheduled;
        synchronized (LOCK) {
            known = STATES.get(task);
            State state = known != null ? known : new State();
            wasScheduled = state.state == SCHEDULED;
            state.state = CANCELLED;
            STATES.putIfAbsent(task, state);
        }
        boolean real = task.cancel();
        // A task a controlled timer scheduled was never scheduled for the JDK, which answers false.
        return known != null ? wasScheduled : real;
    }

    /** Stand in for {@code task.scheduledExecutionTime()}. */
    public static long scheduledExecutionTime(TimerTask task) {
        if (Hooks.boundHandler() != null) {
            synchronized (LOCK) {
                State state = STATES.get(Objects.requireNonNull(task));
                if (state != null && state.scheduled) {
                    return state.period < 0 ? state.nextExecutionTime + state.period
                            : state.nextExecutionTime - state.period;
                }
            }
        }
        return task.scheduledExecutionTime();
    }
}
