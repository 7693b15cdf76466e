package dev.racetest.conformance.synchronizers;

import dev.racetest.RaceTest;

import java.util.concurrent.Exchanger;

/**
 * Must pass: a producer and a consumer swap a full buffer for an empty one twice; each touches only
 * the buffer it holds, so every value arrives whole.
 */
public class ExchangeBuffersFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void everyFilledBufferArrivesWhole() throws InterruptedException {
        Exchanger<int[]> exchanger = new Exchanger<>();
        Thread producer = new Thread(() -> {
            int[] buffer = new int[1];
            try {
                for (int value = 1; value <= 2; value++) {
                    buffer[0] = value;
                    buffer = exchanger.exchange(buffer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "producer");
        producer.start();
        int[] buffer = new int[1];
        int sum = 0;
        for (int round = 0; round < 2; round++) {
            buffer = exchanger.exchange(buffer);
            sum += buffer[0];
            buffer[0] = 0;
        }
        producer.join();
        if (sum != 3) {
            throw new AssertionError("received values summing to " + sum);
        }
    }
}
