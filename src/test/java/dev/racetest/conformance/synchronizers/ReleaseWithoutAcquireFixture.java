package dev.racetest.conformance.synchronizers;

import dev.racetest.RaceTest;

import java.util.concurrent.Semaphore;

/**
 * Must fail: a caller releases the one-permit semaphore in {@code finally} even when its
 * {@code tryAcquire()} failed, so the semaphore gains a permit while the holder is still inside and
 * the test body enters the section beside it.
 */
public class ReleaseWithoutAcquireFixture {

    private final Semaphore permit = new Semaphore(1);
    private boolean inside;
    private int rounds;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void oneThreadInsideAtATime() throws InterruptedException {
        Thread holder = new Thread(() -> {
            permit.acquireUninterruptibly();
            inside = true;
            inside = false;
            permit.release();
        }, "holder");
        Thread skipper = new Thread(() -> {
            boolean acquired = permit.tryAcquire();
            try {
                if (!acquired) {
                    return; // busy: skip this round
                }
                rounds++;
            } finally {
                permit.release(); // the bug: also runs after the early return, releasing a permit it never got
            }
        }, "skipper");
        holder.start();
        skipper.start();
        permit.acquire();
        try {
            if (inside) {
                throw new AssertionError("entered the section while the holder was inside"); // @assert
            }
        } finally {
            permit.release();
        }
        holder.join();
        skipper.join();
    }
}
