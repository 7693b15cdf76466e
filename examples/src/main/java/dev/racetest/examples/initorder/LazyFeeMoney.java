package dev.racetest.examples.initorder;

/** {@link Money} for the correct twin, {@link LazyFeeCurrency}. */
public final class LazyFeeMoney {

    public static final LazyFeeMoney ZERO = new LazyFeeMoney(0, LazyFeeCurrency.DEFAULT);
    private static final LazyFeeMoney[] SMALL = new LazyFeeMoney[10];

    static {
        for (int cents = 0; cents < SMALL.length; cents++) {
            SMALL[cents] = new LazyFeeMoney(cents, LazyFeeCurrency.DEFAULT);
        }
    }

    private final long cents;
    private final LazyFeeCurrency currency;

    private LazyFeeMoney(long cents, LazyFeeCurrency currency) {
        this.cents = cents;
        this.currency = currency;
    }

    public static LazyFeeMoney of(long cents) {
        return cents < SMALL.length ? SMALL[(int) cents] : new LazyFeeMoney(cents, LazyFeeCurrency.DEFAULT);
    }

    public long cents() {
        return cents;
    }

    public LazyFeeCurrency currency() {
        return currency;
    }
}
