package dev.racetest.scheduler.strategy.dpor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A 64-bit hash of an execution's happens-before graph, the same for every execution of one
 * Mazurkiewicz trace.
 *
 * <p>Two executions of one trace perform the same events with the same happens-before predecessors,
 * only listed in another order. So the hash takes each event, named canonically, with its vector clock
 * (which says exactly which events happen before it), and hashes them sorted by name: this is the
 * dependence graph in a canonical form, independent of the interleaving. Thread ids and object numbers
 * are not canonical (they follow the order of creation and first mention, which differs between
 * executions of one trace), so a thread is named by its creation path instead — the test body is
 * {@code 0}, its second child {@code 0.1} — and an operation by its kind only: which events conflict
 * is already in the clocks.
 *
 * <p>Which waiter a {@code notify} woke is a data choice, not an order: two executions can differ in it
 * and still show the same graph, so each wake-up (the notify, named as above, and the woken thread) is
 * hashed too, as a set.
 */
final class TraceFingerprint {

    private TraceFingerprint() {
    }

    /**
     * @param parents    for each thread id, the thread that created it (-1 for the first)
     * @param childIndex for each thread id, its position among its parent's children
     */
    static long of(List<Event> events, List<int[]> wakeups, int[] parents, int[] childIndex) {
        int threads = parents.length;
        String[] names = new String[threads];
        for (int t = 0; t < threads; t++) {
            names[t] = name(t, parents, childIndex, names);
        }
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.<Event, String>comparing(event -> names[event.thread]).thenComparingInt(event -> event.local));
        Integer[] byName = new Integer[threads];
        for (int t = 0; t < threads; t++) {
            byName[t] = t;
        }
        Arrays.sort(byName, Comparator.comparing(t -> names[t]));
        long hash = 0x9E37_79B9_7F4A_7C15L;
        for (Event event : sorted) {
            hash = mix(hash, names[event.thread].hashCode());
            hash = mix(hash, event.local);
            hash = mix(hash, event.operation.access().ordinal());
            for (int t : byName) {
                int count = t < event.traceClock.length ? event.traceClock[t] : 0;
                if (count > 0) {
                    hash = mix(hash, names[t].hashCode());
                    hash = mix(hash, count);
                }
            }
            hash = mix(hash, -1);
        }
        long wakeupSet = 0;
        for (int[] wakeup : wakeups) {
            long one = 17;
            if (wakeup[0] >= 0) {
                Event notify = events.get(wakeup[0]);
                one = mix(mix(one, names[notify.thread].hashCode()), notify.local);
            }
            wakeupSet += mix(one, names[wakeup[1]].hashCode());
        }
        return mix(hash, wakeupSet);
    }

    private static String name(int thread, int[] parents, int[] childIndex, String[] names) {
        if (names[thread] != null) {
            return names[thread];
        }
        int parent = parents[thread];
        if (parent < 0 || parent == thread) {
            return Integer.toString(thread == 0 ? 0 : -thread);
        }
        return name(parent, parents, childIndex, names) + "." + childIndex[thread];
    }

    private static long mix(long hash, long value) {
        long z = hash ^ (value + 0x9E37_79B9_7F4A_7C15L + (hash << 6) + (hash >>> 2));
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
