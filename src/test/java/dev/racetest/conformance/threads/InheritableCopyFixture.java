package dev.racetest.conformance.threads;

import dev.racetest.RaceTest;

/**
 * Must pass: an {@code InheritableThreadLocal} whose {@code childValue} copies the parent's context;
 * each child starts from the parent's value as it was when the child was created, and changes on
 * either side stay on that side.
 */
public class InheritableCopyFixture {

    private final InheritableThreadLocal<StringBuilder> context = new InheritableThreadLocal<>() {
        @Override
        protected StringBuilder childValue(StringBuilder parent) {
            return new StringBuilder(parent);
        }
    };

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void childrenGetCopies() throws InterruptedException {
        context.set(new StringBuilder("request-1"));
        String[] seen = new String[2];
        Thread first = new Thread(() -> seen[0] = context.get().append("/a").toString(), "first");
        context.get().append("+");
        Thread second = new Thread(() -> seen[1] = context.get().append("/b").toString(), "second");
        first.start();
        second.start();
        context.get().append("!");
        first.join();
        second.join();
        if (!"request-1/a".equals(seen[0]) || !"request-1+/b".equals(seen[1]) || !"request-1+!".contentEquals(context.get())) {
            throw new AssertionError("children saw " + seen[0] + " and " + seen[1] + ", parent has " + context.get());
        }
    }
}
