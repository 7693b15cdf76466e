package dev.racetest.conformance.executors;

import dev.racetest.RaceTest;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Must fail as a deadlock: a task on a {@code newSingleThreadExecutor} submits a second task to the
 * same executor and waits for it; the second task is queued behind the first, which holds the only
 * thread (thread-starvation deadlock).
 */
public class SingleThreadStarvationFixture {

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void nestedTaskCompletes() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> outer = executor.submit(() -> {
                Future<Integer> inner = executor.submit(() -> 21);
                return 2 * inner.get(); // @inner-get
            });
            outer.get(); // @outer-get
        } finally {
            executor.shutdownNow();
        }
    }
}
