package dev.racetest.examples.warmup;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A cache that a background thread fills from a slow source at start-up. */
public class PriceCache {

    static final String[] SYMBOLS = {"ACME", "INITECH", "UMBRELLA", "HOOLI", "GLOBEX"};

    private final Map<String, Long> prices = new ConcurrentHashMap<>();

    /** Loads every symbol, 200 ms each (a slow remote source). */
    public void warmUp() throws InterruptedException {
        for (String symbol : SYMBOLS) {
            Thread.sleep(200);
            prices.put(symbol, (long) symbol.length() * 10);
        }
    }

    public Long price(String symbol) {
        return prices.get(symbol);
    }
}
