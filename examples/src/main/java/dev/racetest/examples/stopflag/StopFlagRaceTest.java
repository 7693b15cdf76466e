package dev.racetest.examples.stopflag;

import dev.racetest.RaceTest;

/**
 * A poller is started, left to poll for a while and stopped. The test asserts nothing itself: under
 * racetest, a poller that never saw the flag would fail the run as a livelock, and the flag's unordered
 * write and read fail it as a data race.
 */
class StopFlagRaceTest {

    /** Bug: the stop flag is a plain field that only "works" thanks to the sleep. racetest reports the race on it. */
    @RaceTest
    void pollerStopsWhenAsked() throws InterruptedException {
        startThenStop(new Poller());
    }

    /** Correct twin: passes every execution. */
    @RaceTest
    void volatilePollerStopsWhenAsked() throws InterruptedException {
        startThenStop(new VolatilePoller());
    }

    private static void startThenStop(Poller poller) throws InterruptedException {
        Thread polling = new Thread(() -> {
            try {
                poller.runUntilStopped();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }, "poller");
        polling.start();
        Thread.sleep(25);
        poller.stop();
        polling.join();
    }
}
