package dev.racetest.scheduler.strategy.dpor;

import dev.racetest.scheduler.Operation;

import java.util.Arrays;
import java.util.BitSet;

/**
 * What one execution knows about each thread, by thread id: its last step, how many steps it took,
 * who created it, and the step after which it last became a candidate (which enabled its next step).
 */
final class ThreadTable {

    private int[] lastEvent = new int[0];
    private int[] enabler = new int[0];
    private int[] localCount = new int[0];
    private int[] parents = new int[0];
    private int[] childIndex = new int[0];
    private int[] childCount = new int[0];
    private final BitSet seen = new BitSet();
    private BitSet previousCandidates = new BitSet();

    void reset() {
        Arrays.fill(lastEvent, -1);
        Arrays.fill(enabler, -1);
        Arrays.fill(localCount, 0);
        Arrays.fill(parents, -1);
        Arrays.fill(childIndex, 0);
        Arrays.fill(childCount, 0);
        seen.clear();
        previousCandidates = new BitSet();
    }

    /**
     * Records the candidates of a new step: a thread seen for the first time was created by the thread
     * of the previous step; one that was not a candidate at the previous step (and did not take it)
     * was enabled by that step ({@code lastEvent}, -1 before the first).
     */
    void noteCandidates(int[] threads, int previousStepThread, int lastEventIndex) {
        BitSet now = new BitSet();
        for (int thread : threads) {
            ensure(thread);
            now.set(thread);
            if (!seen.get(thread)) {
                seen.set(thread);
                parents[thread] = previousStepThread;
                if (previousStepThread >= 0) {
                    childIndex[thread] = childCount[previousStepThread]++;
                }
            }
            if (!previousCandidates.get(thread) && thread != previousStepThread && lastEventIndex >= 0) {
                enabler[thread] = lastEventIndex;
            }
        }
        previousCandidates = now;
    }

    /** Returns the event of {@code thread} taking its next step, which will be the execution's {@code index}-th. */
    Event take(int thread, Operation operation, int frame, int initialiserSteps, byte role, int index) {
        ensure(thread);
        Event event = new Event(thread, operation, localCount[thread]++, frame, lastEvent[thread], enabler[thread],
                initialiserSteps, role);
        enabler[thread] = -1;
        lastEvent[thread] = index;
        return event;
    }

    int lastEvent(int thread) {
        return thread < lastEvent.length ? lastEvent[thread] : -1;
    }

    int stepsTaken(int thread) {
        return thread < localCount.length ? localCount[thread] : 0;
    }

    /** Returns one more than the highest thread id seen. */
    int threadCount() {
        return seen.length();
    }

    int[] parents() {
        return Arrays.copyOf(parents, threadCount());
    }

    int[] childIndexes() {
        return Arrays.copyOf(childIndex, threadCount());
    }

    private void ensure(int thread) {
        if (thread < lastEvent.length) {
            return;
        }
        int size = Math.max(thread + 1, lastEvent.length * 2);
        lastEvent = grow(lastEvent, size, -1);
        enabler = grow(enabler, size, -1);
        localCount = grow(localCount, size, 0);
        parents = grow(parents, size, -1);
        childIndex = grow(childIndex, size, 0);
        childCount = grow(childCount, size, 0);
    }

    private static int[] grow(int[] array, int size, int fill) {
        int old = array.length;
        int[] grown = Arrays.copyOf(array, size);
        Arrays.fill(grown, old, size, fill);
        return grown;
    }
}
