package dev.racetest.examples.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.RaceTest;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Two producers hand two orders to two consumers through a buffer of one slot; every order arrives. */
class OrderHandoffRaceTest {

    /** Bug: {@code notify()} can wake the wrong kind of waiter. racetest reports every thread blocked. */
    @RaceTest
    void everyOrderIsHandedOver() throws InterruptedException {
        handOver(new OrderBuffer(1));
    }

    /** Correct twin: passes every execution. */
    @RaceTest
    void everyOrderIsHandedOverWithNotifyAll() throws InterruptedException {
        handOver(new NotifyAllOrderBuffer(1));
    }

    private static void handOver(OrderBuffer buffer) throws InterruptedException {
        Set<String> received = ConcurrentHashMap.newKeySet();
        Thread[] threads = {
                new Thread(() -> consume(buffer, received), "consumer-1"),
                new Thread(() -> consume(buffer, received), "consumer-2"),
                new Thread(() -> produce(buffer, "order-1"), "producer-1"),
                new Thread(() -> produce(buffer, "order-2"), "producer-2"),
        };
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(received).as("orders received").containsExactlyInAnyOrder("order-1", "order-2");
    }

    private static void produce(OrderBuffer buffer, String order) {
        try {
            buffer.put(order);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void consume(OrderBuffer buffer, Set<String> received) {
        try {
            received.add(buffer.take());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
