package dev.racetest.examples.payout;

/**
 * Pays money out of one balance. Not thread-safe: it checks the balance, then withdraws, and
 * another payout can withdraw in between, so the balance goes negative.
 */
public final class PayoutService {

    private long balance;

    public PayoutService(long openingBalance) {
        this.balance = openingBalance;
    }

    /** Pays {@code amount} if the balance covers it; returns whether it did. */
    public boolean payout(long amount) {
        if (balance >= amount) {
            balance -= amount;
            return true;
        }
        return false;
    }

    public long balance() {
        return balance;
    }
}
