package dev.racetest.conformance.threads;

import dev.racetest.RaceTest;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Must pass: an uncaught-exception handler installed before {@code start()} receives the thread it
 * was set on and its exception, in that thread before it ends, so after {@code join()} the log holds
 * the failure and the exception does not escape.
 */
public class UncaughtHandlerFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m")
    void handlerLogsTheFailure() throws InterruptedException {
        AtomicReference<String> logged = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            throw new IllegalStateException("bad input");
        }, "worker");
        worker.setUncaughtExceptionHandler((thread, failure) ->
                logged.set((thread == worker ? "worker" : thread.getName()) + ": " + failure.getMessage()));
        worker.start();
        worker.join();
        if (!"worker: bad input".equals(logged.get())) {
            throw new AssertionError("logged " + logged.get());
        }
    }
}
