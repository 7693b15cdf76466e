package dev.racetest.conformance.timers;

import dev.racetest.RaceTest;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;

/**
 * Must fail as a leak: a {@code java.util.Timer} made with {@code new Timer()} runs on a non-daemon
 * thread, and the test body returns without {@code cancel()}, so that thread waits for more tasks
 * forever.
 */
public class TimerNeverCancelledFixture {

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void timerIsCancelled() throws InterruptedException {
        Timer timer = new Timer();
        CountDownLatch ran = new CountDownLatch(1);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                ran.countDown();
            }
        }, 10);
        ran.await();
        // the bug: no timer.cancel()
    }
}
