package dev.racetest.conformance.varhandles;

import dev.racetest.RaceTest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Must fail with a data race: a configuration is filled in and then published through a {@code VarHandle}'s
 * plain {@code set}, and read through its plain {@code get}. Plain mode orders nothing, so the reader may
 * see the object before its port; a detector that takes every {@code VarHandle} call for synchronisation
 * (or cannot see them at all) misses it. The correct twin is {@link ReleaseAcquirePublicationFixture}.
 */
public class PlainSetPublicationFixture {

    private static final VarHandle PUBLISHED;

    static {
        try {
            PUBLISHED = MethodHandles.lookup().findVarHandle(PlainSetPublicationFixture.class, "published", Config.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final class Config {
        int port;
    }

    private Config published;

    @RaceTest(executions = 200)
    void readerSeesAFilledInConfig() throws InterruptedException {
        Thread writer = new Thread(() -> {
            Config config = new Config();
            config.port = 8080;
            PUBLISHED.set(this, config); // @publish
        }, "writer");
        Thread reader = new Thread(() -> {
            Config config = (Config) PUBLISHED.get(this); // @read
            if (config != null && config.port != 8080) {
                throw new AssertionError("saw a config without its port");
            }
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
    }
}
