package dev.racetest.conformance.completablefuture;

import dev.racetest.RaceTest;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Must fail, and only through a virtual timeout: the quote service takes an hour (virtual: no real
 * time passes) and the caller waits one second with {@code get(1, SECONDS)}, which throws
 * {@code TimeoutException} in the test body. The execution timeout of five seconds makes sure no real
 * hour is waited.
 */
public class GetTimeoutFixture {

    @RaceTest(executions = 10_000, timeBudget = "60s", executionTimeout = "5s")
    void quoteArrivesInTime() throws Exception {
        CompletableFuture<String> quote = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(Duration.ofHours(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "42 EUR";
        });
        quote.get(1, TimeUnit.SECONDS); // @get
    }
}
