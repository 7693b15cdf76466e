package dev.racetest.examples.publish;

/**
 * The correct twin of {@link QuoteBoard}: {@code setRelease} and {@code getAcquire} order the quote's
 * fields before its publication, for whoever reads the quote.
 */
public final class ReleasingQuoteBoard extends QuoteBoard {

    @Override
    protected void store(Quote quote) {
        LATEST.setRelease(this, quote);
    }

    @Override
    protected Quote load() {
        return (Quote) LATEST.getAcquire(this);
    }
}
