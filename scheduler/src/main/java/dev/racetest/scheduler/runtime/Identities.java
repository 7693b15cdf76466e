package dev.racetest.scheduler.runtime;

import java.util.IdentityHashMap;
import java.util.regex.Pattern;

/**
 * The values the JVM would hand out nondeterministically, handed out by one execution as a function
 * of its schedule instead: identity hash codes, seeds for unseeded random generators, thread ids and
 * the JDK's default thread names.
 *
 * <p>Each value mixes the execution's seed with a counter, so two executions of one test see different
 * hash codes and random numbers (and so explore different hash-iteration orders), while a replay, which
 * carries the seed in its schedule, sees exactly the same ones. Confined to the carrier.
 */
final class Identities {

    /** The JDK's name for a thread created without one: {@code "Thread-"} and a JVM-wide counter. */
    private static final Pattern DEFAULT_THREAD_NAME = Pattern.compile("Thread-\\d+");

    private final long seed;
    private final IdentityHashMap<Object, Integer> hashes = new IdentityHashMap<>();
    private final IdentityHashMap<Thread, Long> threadIds = new IdentityHashMap<>();
    private final IdentityHashMap<Thread, Boolean> seenThreads = new IdentityHashMap<>();
    private final IdentityHashMap<Thread, Boolean> renamedThreads = new IdentityHashMap<>();
    private long randomSeeds;
    private int defaultNames;

    Identities(long executionSeed) {
        this.seed = executionSeed;
    }

    int identityHashCode(Object object) {
        if (object == null) {
            return 0;
        }
        Integer hash = hashes.get(object);
        if (hash == null) {
            // 31 bits, never 0, like the hash codes HotSpot stores in object headers.
            hash = (int) (mix(seed ^ 0x6A09_E667_F3BC_C909L, hashes.size()) >>> 33) | 1;
            hashes.put(object, hash);
        }
        return hash;
    }

    long nextRandomSeed() {
        return mix(seed ^ 0xBB67_AE85_84CA_A73BL, randomSeeds++);
    }

    /** Returns a small id, the same for the same thread in every replay; 1 is the test body. */
    long threadId(Thread thread) {
        return threadIds.computeIfAbsent(thread, unused -> (long) threadIds.size() + 1);
    }

    /**
     * Returns {@code name}, or, when it is a JDK default name ({@code Thread-N}, numbered across the
     * whole JVM), the same name numbered within this execution.
     */
    String deterministicName(String name) {
        return DEFAULT_THREAD_NAME.matcher(name).matches() ? "Thread-" + defaultNames++ : name;
    }

    /** Returns whether this is the first time the execution sees {@code thread} constructed. */
    boolean firstSight(Thread thread) {
        return seenThreads.put(thread, Boolean.TRUE) == null;
    }

    /** Returns whether {@code thread}'s default name is still to be made deterministic (once per thread). */
    boolean renames(Thread thread) {
        return renamedThreads.put(thread, Boolean.TRUE) == null;
    }

    /** SplitMix64 of {@code base + counter}: well spread, cheap, and the same on every JVM. */
    private static long mix(long base, long counter) {
        long z = base + (counter + 1) * 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
