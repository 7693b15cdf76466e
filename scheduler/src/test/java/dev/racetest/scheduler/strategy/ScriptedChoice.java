package dev.racetest.scheduler.strategy;

import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.Operation;

import java.util.List;

/**
 * A decision built by hand for strategy tests, richer than {@link FakeChoice}: each candidate has its
 * own pending site, move and operation, and the decision says who ran the step before.
 */
record ScriptedChoice(Decision decision, int decisionIndex, int previousThreadId, int stepsInsideInitialisers,
                      List<Candidate> candidates) implements Choice {

    static final SyncSite YIELD = SyncSites.register(SyncPointKind.THREAD_YIELD, "dev.racetest.scheduler.strategy.Scripted",
            "run", "Scripted.java", 1, "Thread.yield");
    static final SyncSite READ = SyncSites.register(SyncPointKind.FIELD_READ, "dev.racetest.scheduler.strategy.Scripted",
            "run", "Scripted.java", 2, "Scripted.value");

    /** One candidate: its thread, what it would do, and what choosing it does. */
    record Candidate(int threadId, Operation operation, SyncSite site, Move move) {

        /** A thread about to run an operation that touches nothing. */
        static Candidate runs(int threadId) {
            return new Candidate(threadId, new Operation(threadId, Operation.Access.NONE, 0, -1), null, Move.RUN);
        }

        /** A thread about to {@code yield}. */
        static Candidate yields(int threadId) {
            return new Candidate(threadId, new Operation(threadId, Operation.Access.NONE, 0, -1), YIELD, Move.RUN);
        }

        /** A thread about to touch {@code location} as {@code access}. */
        static Candidate accesses(int threadId, Operation.Access access, long location) {
            return new Candidate(threadId, new Operation(threadId, access, location, -1), READ, Move.RUN);
        }

        /** A waiting thread whose timeout expires if chosen. */
        static Candidate timesOut(int threadId) {
            return new Candidate(threadId, new Operation(threadId, Operation.Access.UNKNOWN, 0, -1), null, Move.TIME_OUT);
        }
    }

    /** A next-thread decision among {@code candidates}, the previous step taken by {@code previous}. */
    static ScriptedChoice of(int decisionIndex, int previous, Candidate... candidates) {
        return new ScriptedChoice(Decision.NEXT_THREAD, decisionIndex, previous, 0, List.of(candidates));
    }

    /** A decision of which waiter a {@code notify} wakes. */
    static ScriptedChoice notifyWaiter(int... ids) {
        Candidate[] waiters = new Candidate[ids.length];
        for (int i = 0; i < ids.length; i++) {
            waiters[i] = Candidate.runs(ids[i]);
        }
        return new ScriptedChoice(Decision.NOTIFY_WAITER, 0, -1, 0, List.of(waiters));
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
        return candidates.get(position).site();
    }

    @Override
    public Move move(int position) {
        return candidates.get(position).move();
    }

    @Override
    public Operation operation(int position) {
        return candidates.get(position).operation();
    }

    @Override
    public int stepIndex() {
        return decisionIndex;
    }
}
