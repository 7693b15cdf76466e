package dev.racetest.examples.initorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.RaceTest;

/**
 * A billing thread starts from {@code Money} while a pricing thread starts from the currency; both must
 * see a working currency. racetest loads the classes afresh for every execution ({@code racetest.statics=fresh},
 * the default), so each interleaving initialises them as a new JVM would.
 */
class InitialisationOrderRaceTest {

    /** Bug: the two static initialisers depend on each other. racetest finds the order that breaks. */
    @RaceTest
    void bothEntryPointsSeeTheDefaultCurrency() throws InterruptedException {
        String[] codes = new String[2];
        runBoth(() -> codes[0] = Money.ZERO.currency().code(),
                () -> codes[1] = Currency.MINIMUM_FEE.currency().code());
        assertThat(codes).as("currencies seen").containsOnly("EUR");
    }

    /** Correct twin: passes every execution. */
    @RaceTest
    void bothEntryPointsSeeTheDefaultCurrencyWithALazyFee() throws InterruptedException {
        String[] codes = new String[2];
        runBoth(() -> codes[0] = LazyFeeMoney.ZERO.currency().code(),
                () -> codes[1] = LazyFeeCurrency.minimumFee().currency().code());
        assertThat(codes).as("currencies seen").containsOnly("EUR");
    }

    private static void runBoth(Runnable billing, Runnable pricing) throws InterruptedException {
        Thread first = new Thread(billing, "billing");
        Thread second = new Thread(pricing, "pricing");
        first.start();
        second.start();
        first.join();
        second.join();
    }
}
