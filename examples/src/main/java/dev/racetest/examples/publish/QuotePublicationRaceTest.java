package dev.racetest.examples.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.RaceTest;

/** A pricing thread publishes a quote while a trading thread reads it; a quote seen must be complete. */
class QuotePublicationRaceTest {

    /** Bug: publication through a plain {@code VarHandle} write. racetest reports the data race on {@code latest}. */
    @RaceTest
    void aReadQuoteIsComplete() throws InterruptedException {
        publishWhileReading(new QuoteBoard());
    }

    /** Correct twin: passes every execution. */
    @RaceTest
    void aReleasedQuoteIsComplete() throws InterruptedException {
        publishWhileReading(new ReleasingQuoteBoard());
    }

    private static void publishWhileReading(QuoteBoard board) throws InterruptedException {
        Quote[] seen = new Quote[1];
        Thread pricing = new Thread(() -> board.publish(99, 101), "pricing");
        Thread trading = new Thread(() -> seen[0] = board.latest(), "trading");
        pricing.start();
        trading.start();
        pricing.join();
        trading.join();
        if (seen[0] != null) {
            assertThat(seen[0].ask() - seen[0].bid()).as("spread of the quote seen").isEqualTo(2);
        }
    }
}
