package dev.racetest.conformance.atomics;

import dev.racetest.RaceTest;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Must pass with race detection on: plain data published through a volatile field that one side
 * updates with an {@code AtomicIntegerFieldUpdater} and the other reads directly, both ways round. The
 * updater's write and the direct read are accesses of one volatile field, so they order the data; a
 * detector that took the updater for a separate object would report the data as racing.
 */
public class UpdaterPublicationFixture {

    private static final AtomicIntegerFieldUpdater<UpdaterPublicationFixture> READY =
            AtomicIntegerFieldUpdater.newUpdater(UpdaterPublicationFixture.class, "ready");
    private static final AtomicIntegerFieldUpdater<UpdaterPublicationFixture> ANSWERED =
            AtomicIntegerFieldUpdater.newUpdater(UpdaterPublicationFixture.class, "answered");

    private volatile int ready;
    private volatile int answered;
    private int request;
    private int answer;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void dataPublishedThroughTheFieldIsSeen() throws InterruptedException {
        Thread client = new Thread(() -> {
            request = 41;
            READY.lazySet(this, 1);
            if (ANSWERED.get(this) == 1 && answer != 42) {
                throw new AssertionError("answered without an answer");
            }
        }, "client");
        Thread server = new Thread(() -> {
            if (ready == 1) {
                answer = request + 1;
                answered = 1;
            }
        }, "server");
        client.start();
        server.start();
        client.join();
        server.join();
    }
}
