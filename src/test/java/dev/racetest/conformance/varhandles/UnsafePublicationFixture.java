package dev.racetest.conformance.varhandles;

import dev.racetest.RaceTest;

import java.lang.reflect.Field;

/**
 * Must fail with a data race: the {@code sun.misc.Unsafe} version of {@link PlainSetPublicationFixture},
 * as older libraries publish: a filled-in object stored with a plain {@code putObject} and read with a
 * plain {@code getObject}. The twin {@link UnsafeOrderedPublicationFixture} uses {@code putOrderedObject}
 * and {@code getObjectVolatile}.
 */
@SuppressWarnings("removal") // sun.misc.Unsafe's memory methods are deprecated for removal; libraries still call them
public class UnsafePublicationFixture {

    static final sun.misc.Unsafe UNSAFE;
    private static final long PUBLISHED;

    static {
        try {
            Field theUnsafe = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            UNSAFE = (sun.misc.Unsafe) theUnsafe.get(null);
            PUBLISHED = UNSAFE.objectFieldOffset(UnsafePublicationFixture.class.getDeclaredField("published"));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final class Config {
        int port;
    }

    @SuppressWarnings("unused") // accessed through PUBLISHED
    private Config published;

    @RaceTest(executions = 200)
    void readerSeesAFilledInConfig() throws InterruptedException {
        Thread writer = new Thread(() -> {
            Config config = new Config();
            config.port = 8080;
            UNSAFE.putObject(this, PUBLISHED, config); // @publish
        }, "writer");
        Thread reader = new Thread(() -> {
            Config config = (Config) UNSAFE.getObject(this, PUBLISHED); // @read
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
