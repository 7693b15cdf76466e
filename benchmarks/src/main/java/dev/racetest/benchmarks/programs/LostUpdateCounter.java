package dev.racetest.benchmarks.programs;

import dev.racetest.examples.counter.HitCounter;
import dev.racetest.scheduler.TestBody;

/** The lost-update example: two threads record three hits each on a plain counter. */
public final class LostUpdateCounter implements TestBody {

    @Override
    public void run() throws InterruptedException {
        HitCounter counter = new HitCounter();
        Runnable requests = () -> {
            for (int i = 0; i < 3; i++) {
                counter.hit();
            }
        };
        Thread first = new Thread(requests);
        Thread second = new Thread(requests);
        first.start();
        second.start();
        first.join();
        second.join();
        if (counter.hits() != 6) {
            throw new AssertionError("lost an update");
        }
    }
}
