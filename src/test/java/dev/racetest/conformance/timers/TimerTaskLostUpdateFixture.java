package dev.racetest.conformance.timers;

import dev.racetest.RaceTest;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;

/**
 * Must fail: a {@code TimerTask} and the test body both increment a plain field; the task runs on the
 * timer's own thread, so the increments race.
 */
public class TimerTaskLostUpdateFixture {

    private int ticks;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void everyTickCounts() throws InterruptedException {
        Timer timer = new Timer("ticker");
        CountDownLatch ran = new CountDownLatch(1);
        try {
            timer.schedule(new TimerTask() {
                @Override
                public void run() {
                    ticks++;
                    ran.countDown();
                }
            }, 0);
            ticks++;
            ran.await();
            if (ticks != 2) {
                throw new AssertionError("counted " + ticks + " of 2 ticks"); // @assert
            }
        } finally {
            timer.cancel();
        }
    }
}
