package dev.racetest.scheduler.runtime;

import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.Operation;

/** The reusable {@link Choice} an execution shows its strategy; refilled before every decision. */
final class ChoiceView implements Choice {

    private static final Move[] MOVES = Move.values();

    private final Operations operations;
    private ControlledThread[] enabled;
    private byte[] moves;
    private Decision decision;
    private int size;
    private int previousThreadId;
    private int decisionIndex;
    private int stepIndex;
    private int stepsInsideInitialisers;

    ChoiceView(Operations operations) {
        this.operations = operations;
    }

    /** {@code moves[i]} is the {@link Move} ordinal of candidate {@code i}. */
    void reset(Decision kind, ControlledThread[] candidates, byte[] candidateMoves, int count, int previous,
               int decision, int step, int pinnedSteps) {
        this.decision = kind;
        this.enabled = candidates;
        this.moves = candidateMoves;
        this.size = count;
        this.previousThreadId = previous;
        this.decisionIndex = decision;
        this.stepIndex = step;
        this.stepsInsideInitialisers = pinnedSteps;
    }

    @Override
    public Decision decision() {
        return decision;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int threadId(int position) {
        return thread(position).id;
    }

    @Override
    public SyncSite pendingSite(int position) {
        int site = thread(position).pendingSite;
        return site >= 0 ? SyncSites.get(site) : null;
    }

    @Override
    public Move move(int position) {
        thread(position);
        return MOVES[moves[position]];
    }

    @Override
    public Operation operation(int position) {
        return operations.classify(thread(position), move(position));
    }

    @Override
    public int previousThreadId() {
        return previousThreadId;
    }

    @Override
    public int decisionIndex() {
        return decisionIndex;
    }

    @Override
    public int stepIndex() {
        return stepIndex;
    }

    @Override
    public int stepsInsideInitialisers() {
        return stepsInsideInitialisers;
    }

    private ControlledThread thread(int position) {
        if (position < 0 || position >= size) {
            throw new IndexOutOfBoundsException("position " + position + " is outside the " + size + " candidates");
        }
        return enabled[position];
    }
}
