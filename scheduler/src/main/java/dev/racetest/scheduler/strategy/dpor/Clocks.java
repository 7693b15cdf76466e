package dev.racetest.scheduler.strategy.dpor;

/** Vector clocks as plain {@code int[]}, one entry per thread id (Mattern 1989; Fidge 1988). */
final class Clocks {

    private Clocks() {
    }

    static int[] copyOf(int[] clock, int size) {
        int[] copy = new int[size];
        if (clock != null) {
            System.arraycopy(clock, 0, copy, 0, Math.min(size, clock.length));
        }
        return copy;
    }

    /** Joins {@code other} into {@code into} (entry-wise maximum). */
    static void join(int[] into, int[] other) {
        for (int i = 0, n = Math.min(into.length, other.length); i < n; i++) {
            if (other[i] > into[i]) {
                into[i] = other[i];
            }
        }
    }
}
