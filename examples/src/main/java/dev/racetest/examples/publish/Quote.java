package dev.racetest.examples.publish;

/** A bid and an ask, filled in before the quote is published. */
public final class Quote {
    long bid;
    long ask;

    public long bid() {
        return bid;
    }

    public long ask() {
        return ask;
    }
}
