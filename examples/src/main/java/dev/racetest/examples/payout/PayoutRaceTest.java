package dev.racetest.examples.payout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.RaceTest;

import java.util.function.LongPredicate;

/** Two payouts of 60 race on a balance of 100: exactly one may succeed. */
class PayoutRaceTest {

    /**
     * Bug: check-then-act on an unsynchronised balance. racetest reports the data race on {@code balance};
     * with {@code racetest.races=off} it finds both payouts passing the check, leaving -20.
     */
    @RaceTest
    void balanceNeverGoesNegative() throws InterruptedException {
        PayoutService service = new PayoutService(100);
        payTwice(service::payout);
        assertThat(service.balance()).as("balance after two payouts of 60 from 100").isEqualTo(40);
    }

    /** Correct twin: passes every execution. */
    @RaceTest
    void synchronizedBalanceNeverGoesNegative() throws InterruptedException {
        SynchronizedPayoutService service = new SynchronizedPayoutService(100);
        payTwice(service::payout);
        assertThat(service.balance()).as("balance after two payouts of 60 from 100").isEqualTo(40);
    }

    private static void payTwice(LongPredicate payout) throws InterruptedException {
        Thread alice = new Thread(() -> payout.test(60), "payout-alice");
        Thread bob = new Thread(() -> payout.test(60), "payout-bob");
        alice.start();
        bob.start();
        alice.join();
        bob.join();
    }
}
