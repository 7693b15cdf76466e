package dev.racetest.benchmarks.bugs;

/**
 * Ordering bug: one thread publishes a connection, another uses it, and nothing orders the use after
 * the publication (the start order of the threads suggests it, but does not enforce it).
 */
public final class UseBeforeInit {

    private Connection connection;

    public void run() throws InterruptedException {
        Thread opener = new Thread(() -> connection = new Connection("db"), "opener");
        Thread user = new Thread(() -> {
            Connection used = connection;
            if (used == null) {
                throw new AssertionError("the connection was used before it was opened");
            }
            used.send("ping");
        }, "user");
        opener.start();
        user.start();
        opener.join();
        user.join();
    }

    private record Connection(String name) {
        void send(String message) {
            // Sending is not the point; using a connection that exists is.
        }
    }
}
