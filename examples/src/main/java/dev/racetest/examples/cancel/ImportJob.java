package dev.racetest.examples.cancel;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Imports rows on a worker thread until it is cancelled. Bug: {@link #cancel()} only sets a flag, which
 * the worker looks at between rows; a worker already waiting in {@code take()} for the next row is never
 * woken, so it outlives the job that started it, one leaked thread per cancelled import.
 */
public class ImportJob {

    private final BlockingQueue<String> rows = new LinkedBlockingQueue<>();
    private final AtomicInteger imported = new AtomicInteger();
    private final Thread worker = new Thread(this::work, "import-worker");
    private volatile boolean cancelled;

    public void start() {
        worker.start();
    }

    public void submit(String row) {
        rows.add(row);
    }

    public void cancel() {
        cancelled = true;
    }

    public int imported() {
        return imported.get();
    }

    protected final Thread worker() {
        return worker;
    }

    private void work() {
        try {
            while (!cancelled) {
                rows.take();
                imported.incrementAndGet();
            }
        } catch (InterruptedException interrupted) {
            // cancelled while waiting for a row
        }
    }
}
