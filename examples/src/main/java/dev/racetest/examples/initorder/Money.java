package dev.racetest.examples.initorder;

/**
 * An amount in a currency. Its static initialiser and {@link Currency}'s use each other: whichever class
 * a program touches first is initialised first, and that order decides whether they work (see
 * {@link Currency}).
 */
public final class Money {

    public static final Money ZERO = new Money(0, Currency.DEFAULT);
    private static final Money[] SMALL = new Money[10];

    static {
        for (int cents = 0; cents < SMALL.length; cents++) {
            SMALL[cents] = new Money(cents, Currency.DEFAULT);
        }
    }

    private final long cents;
    private final Currency currency;

    private Money(long cents, Currency currency) {
        this.cents = cents;
        this.currency = currency;
    }

    /** Returns the amount, shared for small amounts. */
    public static Money of(long cents) {
        return cents < SMALL.length ? SMALL[(int) cents] : new Money(cents, Currency.DEFAULT);
    }

    public long cents() {
        return cents;
    }

    public Currency currency() {
        return currency;
    }
}
