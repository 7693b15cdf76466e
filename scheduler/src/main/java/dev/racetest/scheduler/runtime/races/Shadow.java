package dev.racetest.scheduler.runtime.races;

/**
 * The shadow state of one memory location (a field of one object, a static field, an array element),
 * FastTrack style: the last write as an epoch, and the reads as one epoch while they are totally
 * ordered, inflated to one tick per thread once two threads read concurrently. Beside each epoch, the
 * site of the access and, while a failure is replayed for its report, its stack, so a race can name
 * the earlier access. For volatile fields and atomic objects the location holds a vector clock
 * instead ({@link #sync}): accessing it is synchronisation, not data.
 */
final class Shadow {

    long write = Epoch.NONE;
    int writeSite = -1;
    StackTraceElement[] writeStack;

    long read = Epoch.NONE;
    int readSite = -1;
    StackTraceElement[] readStack;

    /** Non-null once reads are concurrent: each thread's tick at its last read, by thread number. */
    int[] sharedReads;
    int[] sharedReadSites;
    StackTraceElement[][] sharedReadStacks;

    /** The release clock of a volatile field or atomic object; {@code null} for plain locations. */
    VectorClock sync;

    /** Makes reads concurrent, keeping the one read epoch known so far. */
    void shareReads() {
        int thread = Epoch.thread(read);
        sharedReads = new int[Math.max(4, thread + 1)];
        sharedReadSites = new int[sharedReads.length];
        sharedReadStacks = new StackTraceElement[sharedReads.length][];
        if (read != Epoch.NONE) {
            sharedReads[thread] = Epoch.clock(read);
            sharedReadSites[thread] = readSite;
            sharedReadStacks[thread] = readStack;
        }
        read = Epoch.NONE;
        readStack = null;
    }

    void sharedRead(int thread, int tick, int site, StackTraceElement[] stack) {
        if (thread >= sharedReads.length) {
            int length = Math.max(thread + 1, sharedReads.length * 2);
            sharedReads = java.util.Arrays.copyOf(sharedReads, length);
            sharedReadSites = java.util.Arrays.copyOf(sharedReadSites, length);
            sharedReadStacks = java.util.Arrays.copyOf(sharedReadStacks, length);
        }
        sharedReads[thread] = tick;
        sharedReadSites[thread] = site;
        sharedReadStacks[thread] = stack;
    }

    /** After a write that all reads happen-before, FastTrack forgets them. */
    void clearReads() {
        sharedReads = null;
        sharedReadSites = null;
        sharedReadStacks = null;
        read = Epoch.NONE;
        readStack = null;
    }
}
