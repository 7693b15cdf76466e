package dev.racetest.examples.payout;

/** The correct twin of {@link PayoutService}: the check and the withdrawal happen under one lock. */
public final class SynchronizedPayoutService {

    private long balance;

    public SynchronizedPayoutService(long openingBalance) {
        this.balance = openingBalance;
    }

    /** Pays {@code amount} if the balance covers it; returns whether it did. */
    public synchronized boolean payout(long amount) {
        if (balance >= amount) {
            balance -= amount;
            return true;
        }
        return false;
    }

    public synchronized long balance() {
        return balance;
    }
}
