package dev.racetest.benchmarks.bugs;

/**
 * SCTBench's {@code reorder_k_bad}: k setter threads each set {@code a = 1} and then {@code b = -1};
 * one checker reads {@code a} and then {@code b} and expects either nothing set or both set. The bug
 * needs the checker to read {@code a} after some setter's first write and {@code b} before every
 * setter's second write; the more setters run, the likelier one of them has already written {@code b},
 * so random scheduling finds it more rarely as k grows, while the bug's depth stays two.
 */
public final class ReorderChecks {

    private int a;
    private int b;

    /** Three setters. */
    public static void threeSetters() throws InterruptedException {
        new ReorderChecks().run(3);
    }

    /** Ten setters. */
    public static void tenSetters() throws InterruptedException {
        new ReorderChecks().run(10);
    }

    /** Fifty setters. */
    public static void fiftySetters() throws InterruptedException {
        new ReorderChecks().run(50);
    }

    private void run(int setters) throws InterruptedException {
        Thread[] threads = new Thread[setters + 1];
        for (int i = 0; i < setters; i++) {
            threads[i] = new Thread(() -> {
                a = 1;
                b = -1;
            }, "setter-" + (i + 1));
        }
        threads[setters] = new Thread(() -> {
            int seenA = a;
            int seenB = b;
            if (!((seenA == 0 && seenB == 0) || (seenA == 1 && seenB == -1))) {
                throw new AssertionError("checker saw a = " + seenA + ", b = " + seenB);
            }
        }, "checker");
        // As in the original: every setter is started before the checker.
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
