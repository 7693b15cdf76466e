package dev.racetest.examples.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.RaceTest;

/** Two request threads record three hits each; every hit must be counted. */
class HitCounterRaceTest {

    private static final int HITS_PER_THREAD = 3;

    /**
     * Bug: loses updates. racetest reports the data race on {@code hits} at the first unordered access;
     * with {@code racetest.races=off} it finds an interleaving where the count ends below 6.
     */
    @RaceTest
    void plainCounterCountsEveryHit() throws InterruptedException {
        HitCounter counter = new HitCounter();
        runTwice(counter::hit);
        assertThat(counter.hits()).as("hits counted").isEqualTo(2 * HITS_PER_THREAD);
    }

    /** Correct twin: passes every execution. */
    @RaceTest
    void atomicCounterCountsEveryHit() throws InterruptedException {
        AtomicHitCounter counter = new AtomicHitCounter();
        runTwice(counter::hit);
        assertThat(counter.hits()).as("hits counted").isEqualTo(2 * HITS_PER_THREAD);
    }

    private static void runTwice(Runnable hit) throws InterruptedException {
        Runnable requests = () -> {
            for (int i = 0; i < HITS_PER_THREAD; i++) {
                hit.run();
            }
        };
        Thread first = new Thread(requests, "request-1");
        Thread second = new Thread(requests, "request-2");
        first.start();
        second.start();
        first.join();
        second.join();
    }
}
