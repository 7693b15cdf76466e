package dev.racetest.conformance.threads;

import dev.racetest.RaceTest;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * Must pass: the same background consumer as {@link NonDaemonBackgroundThreadFixture}, started as a
 * daemon thread; a daemon thread that is still waiting when the test body returns is no leak, since it
 * would not keep a JVM alive.
 */
public class DaemonBackgroundThreadFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void daemonConsumerMayOutliveTheTest() throws InterruptedException {
        LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
        Thread consumer = new Thread(() -> {
            try {
                while (true) {
                    events.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "event-consumer");
        consumer.setDaemon(true);
        consumer.start();
        events.put("started");
        if (!consumer.isDaemon()) {
            throw new AssertionError("the consumer is not a daemon");
        }
    }
}
