package dev.racetest.substitutes;

/**
 * A controlled thread that runs one task of a controlled {@code ForkJoinPool}, named like the JDK's
 * workers ({@code ForkJoinPool-1-worker-1}, {@code ForkJoinPool.commonPool-worker-1}) and a daemon
 * like them.
 *
 * <p>It is an ordinary {@code Thread} subclass, started from instrumented code, so it runs as a
 * controlled thread; {@code Thread.currentThread()} in the task returns it, which is how a
 * {@code fork()} inside the task finds the pool it belongs to. It is not a
 * {@code ForkJoinWorkerThread}: {@code ForkJoinTask.inForkJoinPool()} is {@code false} in it and
 * {@code ForkJoinTask.getPool()} is {@code null}.
 */
final class ForkJoinWorker extends Thread {

    private final ForkJoinWorkers pool;
    private final Runnable task;

    ForkJoinWorker(ForkJoinWorkers pool, String name, Runnable task) {
        super(name);
        this.pool = pool;
        this.task = task;
        setDaemon(true);
    }

    /** Return the workers of the pool this thread belongs to. */
    ForkJoinWorkers pool() {
        return pool;
    }

    @Override
    public void run() {
        try {
            task.run();
        } finally {
            pool.finished(this);
        }
    }
}
