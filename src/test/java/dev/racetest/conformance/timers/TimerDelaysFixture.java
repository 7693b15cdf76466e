package dev.racetest.conformance.timers;

import dev.racetest.RaceTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;

/**
 * Must pass: tasks scheduled on a {@code java.util.Timer} one and two hours ahead run in that order,
 * no earlier than due on the (virtual) clock; a cancelled task never runs. The hours are virtual: the
 * execution timeout of five seconds fails the test if they are waited for real.
 */
public class TimerDelaysFixture {

    @RaceTest(executions = 10_000, timeBudget = "5m", executionTimeout = "5s")
    void tasksRunInDueOrder() throws InterruptedException {
        Timer timer = new Timer("reports", true);
        List<String> ran = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        long start = System.currentTimeMillis();
        timer.schedule(task(ran, "later", start, 7_200_000L, done), 7_200_000L);
        timer.schedule(task(ran, "sooner", start, 3_600_000L, done), 3_600_000L);
        TimerTask cancelled = task(ran, "cancelled", start, 0, done);
        timer.schedule(cancelled, 5_400_000L);
        cancelled.cancel();
        done.await();
        timer.cancel();
        synchronized (ran) {
            if (!ran.equals(List.of("sooner", "later"))) {
                throw new AssertionError("ran " + ran);
            }
        }
    }

    private static TimerTask task(List<String> ran, String name, long start, long dueMillis, CountDownLatch done) {
        return new TimerTask() {
            @Override
            public void run() {
                synchronized (ran) {
                    ran.add(System.currentTimeMillis() - start >= dueMillis ? name : name + " (early)");
                }
                done.countDown();
            }
        };
    }
}
