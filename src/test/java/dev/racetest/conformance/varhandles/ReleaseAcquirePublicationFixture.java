package dev.racetest.conformance.varhandles;

import dev.racetest.RaceTest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Must pass with race detection on: the twin of {@link PlainSetPublicationFixture}, publishing with
 * {@code setRelease} and reading with {@code getAcquire}, which orders the port's write before its read;
 * and a spin lock built from {@code compareAndSet} and {@code setRelease} guarding a plain counter, whose
 * every acquisition must see the last release (a compare-and-set is an acquire as well as a write).
 */
public class ReleaseAcquirePublicationFixture {

    private static final VarHandle PUBLISHED;
    private static final VarHandle LOCKED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PUBLISHED = lookup.findVarHandle(ReleaseAcquirePublicationFixture.class, "published", Config.class);
            LOCKED = lookup.findVarHandle(ReleaseAcquirePublicationFixture.class, "locked", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final class Config {
        int port;
    }

    private Config published;
    private boolean locked;
    private int count;

    @RaceTest(executions = 10_000, timeBudget = "60s")
    void publishedConfigAndLockedCounterAreRaceFree() throws InterruptedException {
        Thread writer = new Thread(() -> {
            Config config = new Config();
            config.port = 8080;
            PUBLISHED.setRelease(this, config);
            increment();
        }, "writer");
        Thread reader = new Thread(() -> {
            Config config = (Config) PUBLISHED.getAcquire(this);
            if (config != null && config.port != 8080) {
                throw new AssertionError("saw a config without its port");
            }
            increment();
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        if (count != 2) {
            throw new AssertionError("counted " + count + " of 2 increments");
        }
    }

    private void increment() {
        while (!LOCKED.compareAndSet(this, false, true)) {
            Thread.onSpinWait();
        }
        count++;
        LOCKED.setRelease(this, false);
    }
}
