package dev.racetest.conformance.threads;

import dev.racetest.RaceTest;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Must fail: the uncaught-exception handler that logs a worker's failure is installed after
 * {@code start()}, so when the worker fails first its exception is not handled and escapes the thread.
 * When the handler is in place in time, it handles the exception and the test passes.
 */
public class HandlerSetAfterStartFixture {

    private int started;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void workerFailureIsLogged() throws InterruptedException {
        AtomicReference<String> logged = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            throw new IllegalStateException("bad input"); // @throw
        }, "worker");
        worker.start();
        started++;
        worker.setUncaughtExceptionHandler((thread, failure) -> logged.set(thread.getName() + ": " + failure.getMessage()));
        worker.join();
        if (logged.get() == null) {
            throw new AssertionError("the failure was not logged");
        }
    }
}
