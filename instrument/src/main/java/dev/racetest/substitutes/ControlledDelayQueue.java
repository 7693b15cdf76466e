package dev.racetest.substitutes;

import java.util.Collection;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * Stand in for {@code new DelayQueue<>(...)}: rewritten code constructs this subclass instead.
 *
 * <p>The JDK's {@code take()} and timed {@code poll} wait inside the JDK for the head's delay with a
 * timed park on the real clock, where racetest cannot turn it into a wait on the virtual clock: a task
 * due in an hour would hold the execution for an hour. This class waits in code racetest rewrites
 * instead, on a monitor of its own with {@code wait(ms)}, which is a timed wait on the virtual clock
 * (the head's delay comes from the element's {@code getDelay}, itself computed from the virtual clock
 * when it is user code). Everything else is the JDK's queue, which never waits: {@code add},
 * {@code put} and the timed {@code offer} go through {@link #offer(Delayed)}, which wakes the waiters.
 * On an uncontrolled thread the same code waits on the real clock, as the JDK would.
 *
 * @param <E> the type of elements held
 */
public class ControlledDelayQueue<E extends Delayed> extends DelayQueue<E> {

    /** Waiters for a new head or a head whose delay ran out; {@code null} while the JDK's constructor runs. */
    private final Object changed = new Object();

    public ControlledDelayQueue() {
    }

    public ControlledDelayQueue(Collection<? extends E> elements) {
        super(elements);
    }

    @Override
    public boolean offer(E element) {
        boolean added = super.offer(element);
        Object monitor = changed;
        if (monitor != null) { // null while DelayQueue(Collection) adds the first elements
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
        return added;
    }

    @Override
    public E take() throws InterruptedException {
        synchronized (changed) {
            while (true) {
                E head = super.peek();
                if (head == null) {
                    changed.wait();
                    continue;
                }
                long delay = head.getDelay(TimeUnit.NANOSECONDS);
                if (delay <= 0) {
                    E taken = super.poll();
                    if (taken != null) {
                        return taken;
                    }
                    continue; // the head's delay ran out between the two reads
                }
                changed.wait(atLeastOneMilli(delay));
            }
        }
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (changed) {
            while (true) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                E head = super.peek();
                long delay = head == null ? Long.MAX_VALUE : head.getDelay(TimeUnit.NANOSECONDS);
                if (delay <= 0) {
                    E taken = super.poll();
                    if (taken != null) {
                        return taken;
                    }
                    continue;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return null;
                }
                changed.wait(atLeastOneMilli(Math.min(delay, remaining)));
            }
        }
    }

    /** {@code wait(0)} waits forever, so a wait for less than a millisecond waits one. */
    private static long atLeastOneMilli(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999));
    }
}
