package dev.racetest.conformance.monitors;

import dev.racetest.RaceTest;

/**
 * Must pass: {@code notify} is enough when only one thread ever waits and it rechecks its condition
 * in a loop; the value published under the monitor is seen whole.
 */
public class HandOffWithNotifyFixture {

    private final Object lock = new Object();
    private String message;

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void receiverGetsTheMessage() throws InterruptedException {
        String[] received = new String[1];
        Thread receiver = new Thread(() -> {
            synchronized (lock) {
                while (message == null) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                received[0] = message;
            }
        }, "receiver");
        receiver.start();
        synchronized (lock) {
            message = "hello";
            lock.notify();
        }
        receiver.join();
        if (!"hello".equals(received[0])) {
            throw new AssertionError("received " + received[0]);
        }
    }
}
