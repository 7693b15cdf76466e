package dev.racetest.examples.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.RaceTest;

import java.util.concurrent.CountDownLatch;

/**
 * "Works on my machine": the service starts warming its cache and then sleeps one and a half seconds, because
 * warming takes about one. Real runs of this test would take seconds each and always pass; racetest
 * runs it on a virtual clock (microseconds per execution) and also explores the day the warm-up is
 * slower than the sleep.
 */
class WarmUpRaceTest {

    /** Bug: coordinates by sleeping. */
    @RaceTest
    void pricesAreReadyAfterStartUp() throws InterruptedException {
        PriceCache cache = new PriceCache();
        Thread warmer = new Thread(() -> {
            try {
                cache.warmUp();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "cache-warmer");
        warmer.start();
        Thread.sleep(1_500); // "warming takes about a second"
        assertThat(cache.price("GLOBEX")).as("price of GLOBEX after start-up").isNotNull();
        warmer.join();
    }

    /** Correct twin: waits for the warm-up to finish instead of for a guess of its duration. */
    @RaceTest
    void pricesAreReadyAfterAWaitedStartUp() throws InterruptedException {
        PriceCache cache = new PriceCache();
        CountDownLatch warm = new CountDownLatch(1);
        Thread warmer = new Thread(() -> {
            try {
                cache.warmUp();
                warm.countDown();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "cache-warmer");
        warmer.start();
        warm.await();
        assertThat(cache.price("GLOBEX")).as("price of GLOBEX after start-up").isNotNull();
        warmer.join();
    }
}
