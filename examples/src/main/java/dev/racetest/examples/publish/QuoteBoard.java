package dev.racetest.examples.publish;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Publishes the latest quote through a {@code VarHandle}. Bug: the plain-mode {@code set} and {@code get}
 * order nothing, so a reader can see the new quote before its bid and ask (and a JIT may hoist the read out
 * of a polling loop). Go's race detector cannot see such accesses at all; racetest checks them like field
 * accesses.
 */
public class QuoteBoard {

    protected static final VarHandle LATEST;

    static {
        try {
            LATEST = MethodHandles.lookup().findVarHandle(QuoteBoard.class, "latest", Quote.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through LATEST
    private Quote latest;

    public void publish(long bid, long ask) {
        Quote quote = new Quote();
        quote.bid = bid;
        quote.ask = ask;
        store(quote);
    }

    public Quote latest() {
        return load();
    }

    protected void store(Quote quote) {
        LATEST.set(this, quote);
    }

    protected Quote load() {
        return (Quote) LATEST.get(this);
    }
}
