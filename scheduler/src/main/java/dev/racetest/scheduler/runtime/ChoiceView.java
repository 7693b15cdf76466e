package dev.racetest.scheduler.runtime;

import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.scheduler.Choice;

/** The reusable {@link Choice} an execution shows its strategy; refilled before every decision. */
final class ChoiceView implements Choice {

    private ControlledThread[] enabled;
    private int size;
    private int previousThreadId;
    private int decisionIndex;

    void reset(ControlledThread[] enabledThreads, int count, int previous, int decision) {
        this.enabled = enabledThreads;
        this.size = count;
        this.previousThreadId = previous;
        this.decisionIndex = decision;
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
    public int previousThreadId() {
        return previousThreadId;
    }

    @Override
    public int decisionIndex() {
        return decisionIndex;
    }

    private ControlledThread thread(int position) {
        if (position < 0 || position >= size) {
            throw new IndexOutOfBoundsException("position " + position + " is outside the " + size + " enabled threads");
        }
        return enabled[position];
    }
}
