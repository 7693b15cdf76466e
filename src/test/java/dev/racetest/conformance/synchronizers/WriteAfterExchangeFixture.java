package dev.racetest.conformance.synchronizers;

import dev.racetest.RaceTest;

import java.util.concurrent.Exchanger;

/**
 * Must fail: the producer keeps writing into the buffer it has just handed over through the
 * {@code Exchanger}, so the consumer can see the buffer change while it reads it.
 */
public class WriteAfterExchangeFixture {

    private final Exchanger<int[]> exchanger = new Exchanger<>();

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void handedOverBufferDoesNotChange() throws InterruptedException {
        Thread producer = new Thread(() -> {
            int[] filled = {1, 0};
            try {
                exchanger.exchange(filled);
            } catch (InterruptedException e) {
                return;
            }
            filled[1] = 2; // the bug: this buffer belongs to the consumer now
        }, "producer");
        producer.start();
        int[] received = exchanger.exchange(new int[2]);
        int first = received[0];
        int second = received[1];
        if (first != 1 || second != 0) {
            throw new AssertionError("the handed-over buffer changed: [" + first + ", " + second + "]"); // @assert
        }
        producer.join();
    }
}
