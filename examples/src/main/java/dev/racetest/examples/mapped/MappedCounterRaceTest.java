package dev.racetest.examples.mapped;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.RaceTest;

/** Two threads count hits into a memory-mapped file; every hit must be counted. */
class MappedCounterRaceTest {

    /** Bug: both threads read and write the same 8 bytes of the mapping. racetest reports the race on that range. */
    @RaceTest
    void sharedSlotCountsEveryHit() throws InterruptedException {
        try (HitFile hits = HitFile.create(1)) {
            countTwice(() -> hits.increment(0), () -> hits.increment(0));
            assertThat(hits.count(0)).as("hits counted").isEqualTo(2);
        }
    }

    /** Correct twin: each thread counts into its own slot of the same mapping. Passes every execution. */
    @RaceTest
    void ownSlotsCountEveryHit() throws InterruptedException {
        try (HitFile hits = HitFile.create(2)) {
            countTwice(() -> hits.increment(0), () -> hits.increment(1));
            assertThat(hits.count(0) + hits.count(1)).as("hits counted").isEqualTo(2);
        }
    }

    private static void countTwice(Runnable first, Runnable second) throws InterruptedException {
        Thread one = new Thread(first, "counter-1");
        Thread two = new Thread(second, "counter-2");
        one.start();
        two.start();
        one.join();
        two.join();
    }
}
