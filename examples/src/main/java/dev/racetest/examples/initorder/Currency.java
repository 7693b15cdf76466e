package dev.racetest.examples.initorder;

/**
 * A currency, with the smallest fee charged in it. Bug: its static initialiser calls into {@link Money},
 * whose own initialiser reads {@link #DEFAULT}. Touched first, {@code Currency} initialises {@code Money}
 * inside its own initialiser and all is well; but when {@code Money} is touched first, its initialiser
 * starts {@code Currency}'s, which calls {@code Money.of} on a class still half initialised: {@code SMALL}
 * is not built yet and {@code Currency} fails to initialise. Single-threaded code always touches them in
 * the same order and never sees it; two threads that start at different ends do, in some interleavings.
 */
public final class Currency {

    public static final Currency DEFAULT = new Currency("EUR");
    public static final Money MINIMUM_FEE = Money.of(1);

    private final String code;

    private Currency(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
