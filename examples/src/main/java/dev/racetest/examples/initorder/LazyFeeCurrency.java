package dev.racetest.examples.initorder;

/**
 * The correct twin of {@link Currency} (with {@link LazyFeeMoney}): the fee is computed when asked for,
 * not in the static initialiser, so neither class's initialiser needs the other one finished.
 */
public final class LazyFeeCurrency {

    public static final LazyFeeCurrency DEFAULT = new LazyFeeCurrency("EUR");

    private final String code;

    private LazyFeeCurrency(String code) {
        this.code = code;
    }

    public static LazyFeeMoney minimumFee() {
        return LazyFeeMoney.of(1);
    }

    public String code() {
        return code;
    }
}
