package dev.racetest.scheduler.runtime;

import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.scheduler.Outcome;
import dev.racetest.scheduler.Schedule;
import dev.racetest.scheduler.TraceStep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What one execution did: the choices that replay it, the sites of its last steps (to say where a
 * livelock spins) and, when recording, every step for the report.
 *
 * <p>The choices and recent sites are primitive arrays written on every step without allocating;
 * trace steps are built only when recording, which happens when a failure is replayed for its report.
 * Confined to the execution's carrier.
 */
final class StepLog {

    private static final int RECENT_SITES = 64; // a power of two: indexed with a mask

    private final boolean recording;
    private final List<TraceStep> trace;
    private final ObjectLabels labels = new ObjectLabels();
    private final int[] recentSites = new int[RECENT_SITES];
    /** The thread of each recent step, beside its site. */
    private final int[] recentThreads = new int[RECENT_SITES];
    private int[] choices = new int[32];
    private int decisions;

    StepLog(boolean recording) {
        this.recording = recording;
        this.trace = recording ? new ArrayList<>() : List.of();
    }

    ObjectLabels labels() {
        return labels;
    }

    int decisions() {
        return decisions;
    }

    void recordChoice(int threadId) {
        if (decisions == choices.length) {
            choices = Arrays.copyOf(choices, decisions * 2);
        }
        choices[decisions++] = threadId;
    }

    void recordStep(int step, ControlledThread chosen) {
        recentSites[step & (RECENT_SITES - 1)] = chosen.pendingSite;
        recentThreads[step & (RECENT_SITES - 1)] = chosen.id;
        if (recording) {
            String location = chosen.pendingSite >= 0 ? SyncSites.get(chosen.pendingSite).location() : "";
            trace.add(new TraceStep(step, chosen.id, chosen.name, chosen.describePending(labels), location));
        }
    }

    Schedule schedule(long executionSeed) {
        return new Schedule(executionSeed, Arrays.copyOf(choices, decisions));
    }

    /**
     * Returns the choices from the watchdog thread while the carrier is stuck in user code. No lock
     * orders this read, but it is benign: a carrier running user code between two scheduling points
     * never writes the choices, and it wrote the last one before it entered that code, seconds before
     * the watchdog looks.
     */
    Schedule scheduleFromAnotherThread(long executionSeed) {
        int made = decisions;
        int[] current = choices;
        return new Schedule(executionSeed, Arrays.copyOf(current, Math.min(made, current.length)));
    }

    /** Returns a 64-bit FNV-1a hash of the choices, to count distinct interleavings. */
    long choiceHash() {
        long hash = 0xCBF2_9CE4_8422_2325L;
        for (int i = 0; i < decisions; i++) {
            hash = (hash ^ choices[i]) * 0x100_0000_01B3L;
        }
        return hash ^ decisions;
    }

    List<TraceStep> trace() {
        return List.copyOf(trace);
    }

    /** Returns where the last steps kept returning to, most frequent first. */
    /** Returns what the last steps before step {@code steps} (not recorded yet) say about a livelock. */
    Outcome.StepLimitExceeded stepLimitExceeded(int maxSteps, int steps, IntFunction<String> threadLabel) {
        int lastStep = steps - 1;
        int count = Math.min(lastStep, RECENT_SITES);
        SpinReport.Spin spin = SpinReport.analyse(recentSites, recentThreads, lastStep, count, threadLabel);
        return new Outcome.StepLimitExceeded(maxSteps, spin.loops(), spin.progress(),
                SpinReport.mostFrequentLocations(recentSites, lastStep, count));
    }
}
