package dev.racetest.conformance.randomness;

import dev.racetest.RaceTest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Must pass: randomness used correctly from two threads: draws from {@code new Random()},
 * {@code ThreadLocalRandom}, {@code Math.random()} and {@code UUID.randomUUID()} stay in their ranges and
 * are aggregated atomically; an explicitly seeded {@code Random} repeats its sequence; a shuffle keeps
 * every element.
 */
public class SeededRandomnessFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void drawsStayInRangeAndAggregate() throws InterruptedException {
        AtomicInteger inRange = new AtomicInteger();
        Runnable draw = () -> {
            int dice = new Random().nextInt(1, 7);
            int coin = ThreadLocalRandom.current().nextInt(2);
            double unit = Math.random();
            UUID id = UUID.randomUUID();
            if (dice >= 1 && dice <= 6 && (coin == 0 || coin == 1) && unit >= 0 && unit < 1 && id.version() == 4) {
                inRange.incrementAndGet();
            }
        };
        Thread first = new Thread(draw, "first");
        Thread second = new Thread(draw, "second");
        first.start();
        second.start();
        first.join();
        second.join();
        List<Integer> deck = new ArrayList<>(List.of(1, 2, 3, 4));
        Collections.shuffle(deck);
        int sum = deck.stream().mapToInt(Integer::intValue).sum();
        if (inRange.get() != 2 || new Random(7).nextLong() != new Random(7).nextLong() || sum != 10) {
            throw new AssertionError(inRange.get() + " draws in range, deck " + deck);
        }
    }
}
