package dev.racetest.benchmarks.bugs;

/**
 * Lazy initialisation without synchronisation: two threads ask a registry for its parser, both can
 * see none yet, and both build one; the parser is expensive and must be built once.
 */
public final class LazyInitialisation {

    private final Registry registry = new Registry();

    public void run() throws InterruptedException {
        Thread first = new Thread(registry::parser, "request-1");
        Thread second = new Thread(registry::parser, "request-2");
        first.start();
        second.start();
        first.join();
        second.join();
        if (registry.constructions != 1) {
            throw new AssertionError("the parser was built " + registry.constructions + " times");
        }
    }

    private static final class Registry {
        private Object parser;
        private int constructions;

        Object parser() {
            if (parser == null) { // bug: check and construction are not atomic
                constructions++;
                parser = new Object();
            }
            return parser;
        }
    }
}
