package dev.racetest.conformance.completablefuture;

import dev.racetest.RaceTest;

import java.util.concurrent.CompletableFuture;

/**
 * Must fail: a {@code thenApplyAsync} stage stores its result in a field as a side effect, and the
 * test body reads the field after joining only the first stage, not the dependent one.
 */
public class ThenApplyAsyncReadsTooEarlyFixture {

    private String formatted;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void formattedValueIsThere() {
        CompletableFuture<Integer> price = CompletableFuture.supplyAsync(() -> 42);
        price.thenApplyAsync(value -> formatted = value + " EUR");
        price.join(); // the bug: joins the supplier, not the stage that formats
        String seen = formatted;
        if (!"42 EUR".equals(seen)) {
            throw new AssertionError("formatted value was " + seen); // @assert
        }
    }
}
