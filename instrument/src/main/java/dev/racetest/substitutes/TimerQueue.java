package dev.racetest.substitutes;

import java.util.ArrayList;
import java.util.List;
import java.util.TimerTask;

/**
 * The controlled side of one {@link ControlledTimer}: its task queue, ordered by execution time on the
 * virtual clock, and the loop its one worker thread runs, which is the JDK's {@code TimerThread} loop.
 *
 * <p>Plain Java, instrumented like user code: {@code System.currentTimeMillis()} reads the virtual
 * clock and {@code wait(timeout)} waits on it, so a task scheduled an hour ahead runs as soon as
 * nothing else can, and the scheduler chooses between a task that is due and the threads that race
 * it. Tasks due at the same time run in the order they were (re)scheduled. Guarded by {@link #lock}.
 */
final class TimerQueue {

    private final Object lock = new Object();
    /** Scheduled tasks, earliest first. */
    private final List<TimerTask> queue = new ArrayList<>();
    /** Cleared by cancel() and when the worker dies, as the JDK's {@code newTasksMayBeScheduled}. */
    private boolean newTasksMayBeScheduled = true;

    /** Start the worker thread of a new timer. */
    static TimerQueue start(String name, boolean isDaemon) {
        TimerQueue queue = new TimerQueue();
        Thread worker = new Thread(queue::mainLoop, name);
        worker.setDaemon(isDaemon);
        worker.start();
        return queue;
    }

    /** The JDK's {@code Timer.sched}: validated by the caller except for what needs the lock. */
    void schedule(TimerTask task, long time, long period) {
        if (time < 0) {
            throw new IllegalArgumentException("Illegal execution time.");
        }
        // As the JDK: keep the period far from overflow while it stays effectively infinite.
        if (Math.abs(period) > (Long.MAX_VALUE >> 1)) {
            period >>= 1;
        }
        synchronized (lock) {
            if (!newTasksMayBeScheduled) {
                throw new IllegalStateException("Timer already cancelled.");
            }
            synchronized (TimerTaskStates.LOCK) {
                TimerTaskStates.schedule(task, time, period);
                insert(task, time);
            }
            if (queue.getFirst() == task) {
                lock.notify();
            }
        }
    }

    void cancel() {
        synchronized (lock) {
            newTasksMayBeScheduled = false;
            queue.clear();
            lock.notify(); // in case the queue was empty
        }
    }

    int purge() {
        synchronized (lock) {
            synchronized (TimerTaskStates.LOCK) {
                int before = queue.size();
                queue.removeIf(task -> TimerTaskStates.of(task).state == TimerTaskStates.CANCELLED);
                return before - queue.size();
            }
        }
    }

    /** Insert after every task due at or before {@code time}; call it holding both locks. */
    private void insert(TimerTask task, long time) {
        int index = queue.size();
        while (index > 0 && TimerTaskStates.of(queue.get(index - 1)).nextExecutionTime > time) {
            index--;
        }
        queue.add(index, task);
    }

    /** The JDK's {@code TimerThread.run}: a task that throws ends the loop, and with it the timer. */
    private void mainLoop() {
        try {
            while (true) {
                try {
                    TimerTask task;
                    boolean fired;
                    synchronized (lock) {
                        while (queue.isEmpty() && newTasksMayBeScheduled) {
                            lock.wait();
                        }
                        if (queue.isEmpty()) {
                            break; // cancelled, and nothing will be scheduled again
                        }
                        long currentTime;
                        long executionTime;
                        task = queue.getFirst();
                        synchronized (TimerTaskStates.LOCK) {
                            TimerTaskStates.State state = TimerTaskStates.of(task);
                            if (state.state == TimerTaskStates.CANCELLED) {
                                queue.removeFirst();
                                continue;
                            }
                            currentTime = System.currentTimeMillis();
                            executionTime = state.nextExecutionTime;
                            fired = executionTime <= currentTime;
                            if (fired) {
                                queue.removeFirst();
                                if (state.period == 0) {
                                    state.state = TimerTaskStates.EXECUTED;
                                } else {
                                    state.nextExecutionTime = state.period < 0 ? currentTime - state.period
                                            : executionTime + state.period;
                                    insert(task, state.nextExecutionTime);
                                }
                            }
                        }
                        if (!fired) {
                            lock.wait(executionTime - currentTime);
                        }
                    }
                    if (fired) {
                        task.run(); // holding no lock
                    }
                } catch (InterruptedException ignored) {
                    // As the JDK's timer thread: an interrupt only ends the current wait.
                }
            }
        } finally {
            synchronized (lock) {
                newTasksMayBeScheduled = false;
                queue.clear();
            }
        }
    }
}
