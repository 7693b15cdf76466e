package dev.racetest.conformance.queues;

import dev.racetest.RaceTest;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Must fail, and only through a virtual timeout: the consumer gives the producer one second with
 * {@code poll(1, SECONDS)} and treats {@code null} as an error, but the producer needs two seconds to
 * prepare the job. On virtual time the test takes milliseconds; the five-second execution timeout
 * makes sure it never waits for real.
 */
public class PollTimeoutTooShortFixture {

    @RaceTest(executions = 10_000, timeBudget = "60s", executionTimeout = "5s")
    void consumerGetsTheJob() throws InterruptedException {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Thread producer = new Thread(() -> {
            try {
                Thread.sleep(Duration.ofSeconds(2)); // preparing the job
                queue.put("job");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "producer");
        producer.start();
        String job = queue.poll(1, TimeUnit.SECONDS);
        if (job == null) {
            throw new AssertionError("no job within 1 second"); // @assert
        }
        producer.join();
    }
}
