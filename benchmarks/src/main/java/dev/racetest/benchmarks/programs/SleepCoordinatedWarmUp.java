package dev.racetest.benchmarks.programs;

import dev.racetest.scheduler.TestBody;

/**
 * The warm-up example's pattern: a thread loads five entries at 200 ms each while the main thread
 * sleeps two seconds "to let it finish", then joins. Three seconds of sleeping per execution in real
 * time; on racetest's virtual clock, none.
 */
public final class SleepCoordinatedWarmUp implements TestBody {

    private final long[] loaded = new long[5];

    @Override
    public void run() throws Throwable {
        Thread warmer = new Thread(() -> {
            try {
                for (int i = 0; i < loaded.length; i++) {
                    Thread.sleep(200);
                    loaded[i] = i + 1;
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "warmer");
        warmer.start();
        Thread.sleep(2_000);
        warmer.join();
    }
}
