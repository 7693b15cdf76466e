package dev.racetest.conformance.threads;

import dev.racetest.RaceTest;

/**
 * Must pass: virtual threads made with {@code Thread.ofVirtual().name(prefix, start).unstarted(...)}
 * and {@code Thread.startVirtualThread} update a counter under a monitor, keep the names the builder
 * gave them, and are virtual.
 */
public class VirtualThreadBuilderFixture {

    private int count;
    private final StringBuilder names = new StringBuilder();

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void virtualThreadsCountAndKeepTheirNames() throws InterruptedException {
        Thread.Builder builder = Thread.ofVirtual().name("worker-", 1);
        Thread first = builder.unstarted(this::record);
        Thread second = builder.unstarted(this::record);
        first.start();
        second.start();
        Thread third = Thread.startVirtualThread(this::record);
        first.join();
        second.join();
        third.join();
        synchronized (this) {
            if (count != 3 || !first.getName().equals("worker-1") || !second.getName().equals("worker-2")
                    || !names.toString().contains("worker-1;") || !names.toString().contains("worker-2;")) {
                throw new AssertionError("count " + count + ", names seen " + names);
            }
        }
    }

    private synchronized void record() {
        Thread current = Thread.currentThread();
        if (current.isVirtual()) {
            count++;
            names.append(current.getName()).append(';');
        }
    }
}
