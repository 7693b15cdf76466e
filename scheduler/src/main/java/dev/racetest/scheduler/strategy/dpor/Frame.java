package dev.racetest.scheduler.strategy.dpor;

import dev.racetest.scheduler.Operation;

import java.util.BitSet;
import java.util.List;

/**
 * One state on the current path of the exploration tree: a step (with one or more candidates) or a
 * {@code notify} waiter decision. Frames of the current path survive from one execution to the next;
 * their {@link #backtrack} and {@link #done} sets are the search's memory.
 *
 * <p>Invariants: {@code done} is a subset of {@code backtrack}; {@code chosen} is in {@code done};
 * {@code threads} is the candidate list in the order the runtime showed it.
 */
final class Frame {

    /** Whether this frame decides which waiter a {@code notify} wakes (a data choice) rather than who steps. */
    final boolean waiter;
    /** The decision index (how many decisions before it) when it has at least two candidates; otherwise -1. */
    final int decisionIndex;
    /** Candidate thread ids, in position order. */
    final int[] threads;
    /** Each candidate's operation as seen by the latest execution through this frame; {@code null} for waiter frames. */
    Operation[] operations;
    /** Each candidate's {@link Event#role}, refreshed with {@link #operations}. */
    byte[] roles;
    /** The thread id chosen in the current execution. */
    int chosen = -1;
    /** Threads whose branch was taken (and finished, except {@link #chosen}). */
    final BitSet done = new BitSet();
    /**
     * Threads whose step from here turned out to run static initialisers, so touched more than their
     * operation says: asleep, they count as {@code UNKNOWN}.
     */
    final BitSet widened = new BitSet();
    /** Threads that must be explored from here. */
    final BitSet backtrack = new BitSet();
    /** Threads asleep when this frame was entered. */
    final List<SleepEntry> sleep;
    /**
     * How many frames before it on the path {@linkplain #splits split} the space: a shard's top is the
     * decisions with a level below its depth.
     */
    final int level;
    /** Whether the choice here can lead to different traces: two awake candidates conflict, a timing move, or a waiter choice. */
    boolean splits;
    /** Preemptions on the path before this step. */
    final int preemptionsBefore;
    /** The thread that ran the step before this one, or -1. */
    final int previousThread;
    /** Whether {@link #previousThread} is a candidate here, so choosing another thread preempts it. */
    final boolean previousRunnable;

    Frame(boolean waiter, int decisionIndex, int level, int[] threads, List<SleepEntry> sleep, int preemptionsBefore,
          int previousThread, boolean previousRunnable) {
        this.level = level;
        this.waiter = waiter;
        this.decisionIndex = decisionIndex;
        this.threads = threads;
        this.sleep = List.copyOf(sleep);
        this.preemptionsBefore = preemptionsBefore;
        this.previousThread = previousThread;
        this.previousRunnable = previousRunnable;
    }

    int positionOf(int threadId) {
        for (int i = 0; i < threads.length; i++) {
            if (threads[i] == threadId) {
                return i;
            }
        }
        return -1;
    }

    boolean hasCandidate(int threadId) {
        return positionOf(threadId) >= 0;
    }

    boolean isDecision() {
        return threads.length >= 2;
    }

    Operation operationOf(int threadId) {
        return operations[positionOf(threadId)];
    }

    /** Returns what {@code threadId}'s step from here does, as far as any execution has seen it. */
    Operation stepOf(int threadId) {
        return widened.get(threadId) ? new Operation(threadId, Operation.Access.UNKNOWN, 0, -1) : operationOf(threadId);
    }

    boolean asleepOnEntry(int threadId) {
        for (SleepEntry entry : sleep) {
            if (entry.threadId() == threadId) {
                return true;
            }
        }
        return false;
    }

    /** Whether this is a decision of a shard's top, explored fully, when the top is {@code topDepth} levels deep. */
    boolean isTop(int topDepth) {
        return isDecision() && level < topDepth;
    }

    /** Whether choosing {@code threadId} here switches away from a thread that could have gone on. */
    boolean preempts(int threadId) {
        return !waiter && previousRunnable && threadId != previousThread;
    }

    /** Whether choosing {@code threadId} keeps the path within {@code bound} preemptions (bound <= 0: unbounded). */
    boolean withinBound(int threadId, int bound) {
        return bound <= 0 || preemptionsBefore + (preempts(threadId) ? 1 : 0) <= bound;
    }
}
