package dev.racetest.e2e.determinism;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A program whose every observable depends on something the JVM hands out nondeterministically: the
 * order a {@code HashSet} of plain objects iterates in (identity hash codes), unseeded random numbers,
 * UUIDs, the clock, default thread names and ids, and the interleaving of three threads. Loaded through
 * racetest's instrumenting class loader, all of it must repeat exactly with the schedule.
 */
public final class NondeterministicProgram implements Runnable {

    /** What the program saw, in order; read by the probe after the execution. */
    public final List<String> observations = new ArrayList<>();

    private static final class Token {
        final int number;

        Token(int number) {
            this.number = number;
        }
    }

    private final Map<String, Integer> tally = new HashMap<>();

    @Override
    public void run() {
        Set<Token> tokens = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            tokens.add(new Token(i));
        }
        StringBuilder order = new StringBuilder();
        for (Token token : tokens) {
            order.append(token.number);
        }
        record("hash-set order " + order);
        record("random " + new Random().nextInt(1_000_000) + " tlr " + ThreadLocalRandom.current().nextInt(1_000_000));
        record("uuid " + UUID.randomUUID() + " math " + Math.random());
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread thread = new Thread(this::work);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException(interrupted);
            }
        }
        record("tally " + tally.get("hits") + " elapsed " + (System.nanoTime() - start) + " at " + System.currentTimeMillis());
    }

    private void work() {
        Thread me = Thread.currentThread();
        record(me.getName() + " id " + me.threadId() + " starts");
        for (int i = 0; i < 2; i++) {
            synchronized (tally) {
                tally.merge("hits", 1, Integer::sum);
            }
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 50));
        } catch (InterruptedException interrupted) {
            throw new IllegalStateException(interrupted);
        }
        record(me.getName() + " ends");
    }

    private void record(String observation) {
        synchronized (observations) {
            observations.add(observation);
        }
    }
}
