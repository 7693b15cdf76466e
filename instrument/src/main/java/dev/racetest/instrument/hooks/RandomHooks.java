package dev.racetest.instrument.hooks;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The entry points that replace unseeded randomness in rewritten code.
 *
 * <p>On a controlled thread every random value derives from seeds the handler hands out
 * ({@link SyncPointHandler#nextRandomSeed()}), so it is the same in every replay of a schedule: a
 * generator created without a seed gets the next seed, and the sources with no generator of their own
 * in sight ({@code ThreadLocalRandom}, {@code Math.random()}, {@code UUID.randomUUID()},
 * {@code Collections.shuffle(list)}) draw from one {@link Random} per thread, seeded on first use.
 * Any other thread gets the JDK's own behaviour. None of these is a scheduling point.
 */
public final class RandomHooks {

    /**
     * The seeded generator of the calling thread and the handler it was seeded by. A controlled thread
     * is a fresh virtual thread in each execution; the handler check also gives a thread that is bound
     * to a new handler (a new execution) a fresh generator, so the sequence never carries over.
     */
    private static final ThreadLocal<Seeded> PER_THREAD = new ThreadLocal<>();

    private record Seeded(SyncPointHandler handler, Random random) {
    }

    private RandomHooks() {
    }

    /** Returns the seed for {@code new Random()}, {@code new SplittableRandom()} or {@code super()} into {@code Random()}. */
    public static long seed() {
        return Hooks.handler().nextRandomSeed();
    }

    /**
     * Returns the generator a call on {@code ThreadLocalRandom} runs on instead: the calling thread's
     * seeded generator when it is controlled, else {@code random} itself. A {@code null} receiver stays
     * {@code null}, so the call throws as it would have.
     */
    public static Random substitute(ThreadLocalRandom random) {
        SyncPointHandler handler = Hooks.boundHandler();
        return handler == null || random == null ? random : perThread(handler);
    }

    /** Like {@link #substitute(ThreadLocalRandom)} for a call on a {@code Random} that may be a {@code ThreadLocalRandom}. */
    public static Random substitute(Random random) {
        return random instanceof ThreadLocalRandom local ? substitute(local) : random;
    }

    /** Like {@link #substitute(ThreadLocalRandom)} for a call on a {@code RandomGenerator} that may be a {@code ThreadLocalRandom}. */
    public static RandomGenerator substitute(RandomGenerator random) {
        return random instanceof ThreadLocalRandom local ? substitute(local) : random;
    }

    /** Replaces {@code Math.random()} and {@code StrictMath.random()}. */
    public static double random() {
        SyncPointHandler handler = Hooks.boundHandler();
        return handler == null ? Math.random() : perThread(handler).nextDouble();
    }

    /** Replaces {@code UUID.randomUUID()}: a version 4 (random) UUID, as the JDK makes. */
    public static UUID randomUUID() {
        SyncPointHandler handler = Hooks.boundHandler();
        if (handler == null) {
            return UUID.randomUUID();
        }
        Random random = perThread(handler);
        // RFC 9562: version 4 in bits 12-15 of the high half, variant 0b10 in the top bits of the low half.
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0b11L << 62)) | (0b10L << 62);
        return new UUID(high, low);
    }

    /** Replaces {@code Collections.shuffle(list)}. */
    public static void shuffle(List<?> list) {
        SyncPointHandler handler = Hooks.boundHandler();
        if (handler == null) {
            Collections.shuffle(list);
        } else {
            Collections.shuffle(list, perThread(handler));
        }
    }

    private static Random perThread(SyncPointHandler handler) {
        Seeded seeded = PER_THREAD.get();
        if (seeded == null || seeded.handler() != handler) {
            seeded = new Seeded(handler, new Random(handler.nextRandomSeed()));
            PER_THREAD.set(seeded);
        }
        return seeded.random();
    }
}
