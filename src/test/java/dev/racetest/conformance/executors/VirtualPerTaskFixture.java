package dev.racetest.conformance.executors;

import dev.racetest.RaceTest;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Must pass: tasks of a {@code newVirtualThreadPerTaskExecutor} in try-with-resources each run on
 * their own virtual thread; {@code close()} waits for all of them.
 */
public class VirtualPerTaskFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void closeWaitsForEveryTask() throws Exception {
        AtomicInteger count = new AtomicInteger();
        Future<Boolean> virtual;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            executor.execute(count::incrementAndGet);
            executor.execute(count::incrementAndGet);
            virtual = executor.submit(() -> Thread.currentThread().isVirtual());
        }
        if (count.get() != 2 || !virtual.isDone() || !virtual.get()) {
            throw new AssertionError("counted " + count.get() + " tasks before close returned");
        }
    }
}
