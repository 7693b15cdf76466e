package dev.racetest.scheduler;

/**
 * Derives per-execution seeds, so that execution {@code i} of a run with seed {@code S} can be
 * replayed alone from {@code (S, i)}.
 */
public final class Seeds {

    private Seeds() {
    }

    /**
     * Returns the seed of execution {@code index} (0-based) of a run seeded with {@code runSeed}.
     *
     * <p>The mixing function is the finaliser of SplittableRandom (Steele et al., OOPSLA 2014), so
     * neighbouring indices give unrelated seeds.
     */
    public static long executionSeed(long runSeed, int index) {
        return mix64(runSeed + (index + 1L) * 0x9E37_79B9_7F4A_7C15L);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
