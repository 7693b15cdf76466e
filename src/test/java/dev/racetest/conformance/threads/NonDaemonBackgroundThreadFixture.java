package dev.racetest.conformance.threads;

import dev.racetest.RaceTest;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * Must fail as a leak: a background consumer that waits for events forever is started as an ordinary
 * (non-daemon) thread, and the test body returns while it is still blocked in {@code take()}: in a real
 * program it would keep the JVM from exiting.
 */
public class NonDaemonBackgroundThreadFixture {

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void backgroundConsumerDoesNotOutliveTheTest() throws InterruptedException {
        LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
        Thread consumer = new Thread(() -> {
            try {
                while (true) {
                    events.take(); // @take
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "event-consumer");
        consumer.start(); // the bug: consumer.setDaemon(true) is missing
        events.put("started");
    }
}
