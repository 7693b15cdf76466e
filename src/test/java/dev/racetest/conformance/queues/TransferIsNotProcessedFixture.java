package dev.racetest.conformance.queues;

import dev.racetest.RaceTest;

import java.util.concurrent.LinkedTransferQueue;

/**
 * Must fail: {@code transfer} returns once a consumer has received the job, not once it has processed
 * it; the producer (the test body) reads the job's result right after {@code transfer} returns.
 */
public class TransferIsNotProcessedFixture {

    static final class Job {
        int result;
    }

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void resultIsThereAfterTransfer() throws InterruptedException {
        LinkedTransferQueue<Job> queue = new LinkedTransferQueue<>();
        Thread consumer = new Thread(() -> {
            try {
                Job job = queue.take();
                job.result = 42;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "consumer");
        consumer.start();
        Job job = new Job();
        queue.transfer(job);
        if (job.result != 42) {
            throw new AssertionError("transfer returned before the job was processed"); // @assert
        }
        consumer.join();
    }
}
