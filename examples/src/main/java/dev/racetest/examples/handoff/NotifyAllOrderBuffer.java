package dev.racetest.examples.handoff;

/** The correct twin of {@link OrderBuffer}: {@code notifyAll()} wakes the producer and the consumer alike. */
public final class NotifyAllOrderBuffer extends OrderBuffer {

    public NotifyAllOrderBuffer(int capacity) {
        super(capacity);
    }

    @Override
    protected void wakeWaiters() {
        notifyAll();
    }
}
