package dev.racetest.conformance.executors;

import dev.racetest.RaceTest;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Must fail: tasks on a {@code newCachedThreadPool} (which runs them on as many threads as it needs)
 * share a lazily opened connection without a lock, so two tasks can each open one.
 */
public class CachedPoolLazyInitFixture {

    private Object connection;
    private int opened;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void connectionOpenedOnce() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            Future<Object> first = pool.submit(this::connection);
            Future<Object> second = pool.submit(this::connection);
            first.get();
            second.get();
            if (opened != 1) {
                throw new AssertionError("opened " + opened + " connections"); // @assert
            }
        } finally {
            pool.shutdown();
        }
    }

    private Object connection() {
        if (connection == null) {
            opened++;
            connection = new Object();
        }
        return connection;
    }
}
