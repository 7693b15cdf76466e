package dev.racetest.conformance.varhandles;

import dev.racetest.RaceTest;

/**
 * Must pass with race detection on: the twin of {@link UnsafePublicationFixture}, storing with
 * {@code putOrderedObject} (a release) and reading with {@code getObjectVolatile}, and counting in an
 * {@code int[]} element with {@code getAndAddInt}, which makes its last plain read after the joins
 * race-free.
 */
@SuppressWarnings("removal") // sun.misc.Unsafe's memory methods are deprecated for removal; libraries still call them
public class UnsafeOrderedPublicationFixture {

    private static final sun.misc.Unsafe UNSAFE = UnsafePublicationFixture.UNSAFE;
    private static final long PUBLISHED;
    private static final long FIRST_COUNT = UNSAFE.arrayBaseOffset(int[].class);

    static {
        try {
            PUBLISHED = UNSAFE.objectFieldOffset(UnsafeOrderedPublicationFixture.class.getDeclaredField("published"));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final class Config {
        int port;
    }

    @SuppressWarnings("unused") // accessed through PUBLISHED
    private volatile Config published;
    private final int[] counts = new int[1];

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void readerSeesAFilledInConfig() throws InterruptedException {
        Thread writer = new Thread(() -> {
            Config config = new Config();
            config.port = 8080;
            UNSAFE.putOrderedObject(this, PUBLISHED, config);
            UNSAFE.getAndAddInt(counts, FIRST_COUNT, 1);
        }, "writer");
        Thread reader = new Thread(() -> {
            Config config = (Config) UNSAFE.getObjectVolatile(this, PUBLISHED);
            if (config != null && config.port != 8080) {
                throw new AssertionError("saw a config without its port");
            }
            UNSAFE.getAndAddInt(counts, FIRST_COUNT, 1);
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        if (counts[0] != 2) {
            throw new AssertionError("counted " + counts[0] + " of 2");
        }
    }
}
