package dev.racetest.scheduler.strategy.dpor;

import java.util.BitSet;
import java.util.List;

/**
 * Turns the reversals {@link RaceAnalysis} asks for into branches of the frames on the path: source-DPOR's
 * rule (one initial thread suffices, and none is needed when one is already a branch), the fallback
 * where none can run (every candidate), the preemption bound with bounded POR's extra branch, and the
 * top of a sharded search, which is explored fully anyway.
 */
final class Backtracking implements RaceAnalysis.Reversals {

    private final List<Frame> frames;
    private final int bound;
    private final int topDepth;

    Backtracking(List<Frame> frames, int bound, int topDepth) {
        this.frames = frames;
        this.bound = bound;
        this.topDepth = topDepth;
    }

    /** Adds the reversal of a race at {@code frameIndex}: one of {@code initials} must run there. */
    @Override
    public void reverse(int frameIndex, BitSet initials) {
        addReversal(frameIndex, initials);
        if (bound > 0) {
            // Bounded POR: also where the previous thread could not go on, a switch that costs no preemption.
            for (int i = frameIndex; i >= 0; i--) {
                Frame frame = frames.get(i);
                if (!frame.waiter && frame.isDecision() && !frame.previousRunnable) {
                    if (i != frameIndex) {
                        addReversal(i, initials);
                    }
                    break;
                }
            }
        }
    }

    private void addReversal(int frameIndex, BitSet initials) {
        Frame frame = frames.get(frameIndex);
        if (frame.waiter || !frame.isDecision() || frame.isTop(topDepth)) {
            return; // no other candidate, or the top, which is explored fully anyway
        }
        if (frame.backtrack.intersects(initials)) {
            return;
        }
        for (int t = initials.nextSetBit(0); t >= 0; t = initials.nextSetBit(t + 1)) {
            if (frame.hasCandidate(t)) {
                if (frame.withinBound(t, bound)) {
                    frame.backtrack.set(t);
                }
                return;
            }
        }
        // None of them can run there (blocked): every candidate, which is always enough.
        for (int thread : frame.threads) {
            if (frame.withinBound(thread, bound)) {
                frame.backtrack.set(thread);
            }
        }
    }
}
