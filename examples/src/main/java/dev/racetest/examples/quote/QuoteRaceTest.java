package dev.racetest.examples.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.RaceTest;

/**
 * A request handler waits for a pooled pricer with {@code Future.get(timeout)} and falls back on
 * timeout. The pricer takes 150 ms against a 200 ms deadline, so on a quiet machine it is always in
 * time; racetest explores the timeout as a choice on its virtual clock, so it also sees a slow day.
 */
class QuoteRaceTest {

    private static final QuoteService.Pricer REMOTE_PRICER = symbol -> {
        Thread.sleep(150); // the remote call: usually well inside the deadline
        return 101L;
    };

    /** Bug: the fallback has no price before the first fresh one. */
    @RaceTest
    void everyQuoteHasAPrice() throws Exception {
        try (QuoteService service = new QuoteService(REMOTE_PRICER)) {
            assertThat(service.quote("ACME")).as("quote").isPositive();
        }
    }

    /** Correct twin: falls back on the list price. */
    @RaceTest
    void everySafeQuoteHasAPrice() throws Exception {
        try (SafeQuoteService service = new SafeQuoteService(REMOTE_PRICER, 100)) {
            assertThat(service.quote("ACME")).as("quote").isPositive();
        }
    }
}
