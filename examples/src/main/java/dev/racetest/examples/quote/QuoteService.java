package dev.racetest.examples.quote;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers price requests within a deadline: pricing runs on a thread pool, and a request that the
 * pricer cannot answer in time falls back to the last known price.
 *
 * <p>The bug lives only on the timeout path: the very first request for a symbol has no last price,
 * so the fallback unboxes {@code null}. Tests that never see the pricer run late never see it.
 */
public class QuoteService implements AutoCloseable {

    /** How long a request waits for the pricer before it falls back. */
    static final long DEADLINE_MILLIS = 200;

    private final ExecutorService pricers = Executors.newFixedThreadPool(2);
    private final Map<String, Long> lastPrices = new ConcurrentHashMap<>();
    private final Pricer pricer;

    public QuoteService(Pricer pricer) {
        this.pricer = pricer;
    }

    /** Returns the price of {@code symbol}, fresh when the pricer answers in time, the last known one otherwise. */
    public long quote(String symbol) throws InterruptedException, ExecutionException {
        Future<Long> pricing = pricers.submit(() -> pricer.price(symbol));
        try {
            long price = pricing.get(DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
            lastPrices.put(symbol, price);
            return price;
        } catch (TimeoutException late) {
            return lastPrices.get(symbol); // bug: null (and a NullPointerException) before the first fresh price
        }
    }

    @Override
    public void close() {
        pricers.close();
    }

    /** Computes a price; may take a while (a remote call). */
    public interface Pricer {
        long price(String symbol) throws InterruptedException;
    }
}
