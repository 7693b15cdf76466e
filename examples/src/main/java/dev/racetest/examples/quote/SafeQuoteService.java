package dev.racetest.examples.quote;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The correct twin of {@link QuoteService}: the fallback has a price even before the first answer, and cancels the late work. */
public class SafeQuoteService implements AutoCloseable {

    private final ExecutorService pricers = Executors.newFixedThreadPool(2);
    private final Map<String, Long> lastPrices = new ConcurrentHashMap<>();
    private final QuoteService.Pricer pricer;
    private final long listPrice;

    public SafeQuoteService(QuoteService.Pricer pricer, long listPrice) {
        this.pricer = pricer;
        this.listPrice = listPrice;
    }

    public long quote(String symbol) throws InterruptedException, ExecutionException {
        Future<Long> pricing = pricers.submit(() -> pricer.price(symbol));
        try {
            long price = pricing.get(QuoteService.DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
            lastPrices.put(symbol, price);
            return price;
        } catch (TimeoutException late) {
            pricing.cancel(true);
            return lastPrices.getOrDefault(symbol, listPrice);
        }
    }

    @Override
    public void close() {
        pricers.close();
    }
}
