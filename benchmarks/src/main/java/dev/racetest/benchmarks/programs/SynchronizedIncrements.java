package dev.racetest.benchmarks.programs;

import dev.racetest.scheduler.TestBody;

/** {@code threads} threads each do 100 synchronized increments of one counter. */
public final class SynchronizedIncrements implements TestBody {

    private static final int INCREMENTS = 100;

    private final int threads;
    private int count;

    public SynchronizedIncrements(int threads) {
        this.threads = threads;
    }

    private synchronized void increment() {
        count++;
    }

    @Override
    public void run() throws InterruptedException {
        count = 0;
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Thread(() -> {
                for (int j = 0; j < INCREMENTS; j++) {
                    increment();
                }
            });
            workers[i].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (count != threads * INCREMENTS) {
            throw new AssertionError("lost an increment");
        }
    }
}
