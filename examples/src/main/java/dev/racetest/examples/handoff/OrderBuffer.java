package dev.racetest.examples.handoff;

/**
 * A bounded buffer between order producers and consumers, built on {@code wait}/{@code notify}. Bug: one
 * {@code notify()} wakes one waiter of either kind; when a consumer's notify wakes the other consumer
 * instead of the waiting producer, both go back to waiting and nobody is left to wake them.
 */
public class OrderBuffer {

    private final String[] slots;
    private int count;
    private int head;

    public OrderBuffer(int capacity) {
        this.slots = new String[capacity];
    }

    public synchronized void put(String order) throws InterruptedException {
        while (count == slots.length) {
            wait();
        }
        slots[(head + count) % slots.length] = order;
        count++;
        wakeWaiters();
    }

    public synchronized String take() throws InterruptedException {
        while (count == 0) {
            wait();
        }
        String order = slots[head];
        head = (head + 1) % slots.length;
        count--;
        wakeWaiters();
        return order;
    }

    /** Called holding the lock after a change another waiter may be waiting for. */
    protected void wakeWaiters() {
        notify();
    }
}
