package dev.racetest.scheduler.strategy;

import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.Operation;

import java.util.List;

/**
 * A decision as the runtime would show it, built by hand for strategy tests: candidates with ids and
 * operations, every move a {@link Choice.Move#RUN}.
 */
record FakeChoice(Decision decision, int decisionIndex, int previousThreadId, List<Operation> candidates)
        implements Choice {

    /** A next-thread decision among {@code ids}, whose operations touch nothing. */
    static FakeChoice of(int decisionIndex, int... ids) {
        Operation[] operations = new Operation[ids.length];
        for (int i = 0; i < ids.length; i++) {
            operations[i] = new Operation(ids[i], Operation.Access.NONE, 0, -1);
        }
        return new FakeChoice(Decision.NEXT_THREAD, decisionIndex, -1, List.of(operations));
    }

    @Override
    public int size() {
        return candidates.size();
    }

    @Override
    public int threadId(int position) {
        return candidates.get(position).threadId();
    }

    @Override
    public SyncSite pendingSite(int position) {
        return null;
    }

    @Override
    public Move move(int position) {
        return Move.RUN;
    }

    @Override
    public Operation operation(int position) {
        return candidates.get(position);
    }

    @Override
    public int stepIndex() {
        return decisionIndex;
    }

    @Override
    public int stepsInsideInitialisers() {
        return 0;
    }
}
