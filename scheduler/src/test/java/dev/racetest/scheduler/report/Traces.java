package dev.racetest.scheduler.report;

import dev.racetest.scheduler.Outcome;
import dev.racetest.scheduler.RaceAccess;
import dev.racetest.scheduler.TraceStep;

import java.util.ArrayList;
import java.util.List;

/** Builds hand-made traces for the report tests, numbering steps from 1. */
final class Traces {

    private final List<TraceStep> steps = new ArrayList<>();

    /** Appends a step of thread {@code threadId}, named {@code "main"} for 0 and {@code "t<id>"} otherwise. */
    Traces step(int threadId, String operation, String location) {
        steps.add(new TraceStep(steps.size() + 1, threadId, threadId == 0 ? "main" : "t" + threadId, operation, location));
        return this;
    }

    /** Appends {@code count} steps of one thread at lines {@code firstLine, firstLine + 1, ...} of {@code Loop.java}. */
    Traces loop(int threadId, int count, int firstLine) {
        for (int i = 0; i < count; i++) {
            step(threadId, "read Loop.i of Loop#1", "Loop.spin(Loop.java:" + (firstLine + i) + ")");
        }
        return this;
    }

    List<TraceStep> build() {
        return List.copyOf(steps);
    }

    /** Returns the payout example's trace as racetest recorded it: bob writes, then alice reads. */
    static List<TraceStep> payout() {
        return List.of(
                new TraceStep(1, 0, "main", "starts", ""),
                new TraceStep(2, 0, "main", "write PayoutService.balance of PayoutService#1", "PayoutService.<init>(PayoutService.java:12)"),
                new TraceStep(3, 0, "main", "start payout-alice", "PayoutRaceTest.payTwice(PayoutRaceTest.java:34)"),
                new TraceStep(4, 0, "main", "start payout-bob", "PayoutRaceTest.payTwice(PayoutRaceTest.java:35)"),
                new TraceStep(5, 2, "payout-bob", "starts", ""),
                new TraceStep(6, 1, "payout-alice", "starts", ""),
                new TraceStep(7, 2, "payout-bob", "read PayoutService.balance of PayoutService#1", "PayoutService.payout(PayoutService.java:17)"),
                new TraceStep(8, 2, "payout-bob", "read PayoutService.balance of PayoutService#1", "PayoutService.payout(PayoutService.java:18)"),
                new TraceStep(9, 2, "payout-bob", "write PayoutService.balance of PayoutService#1", "PayoutService.payout(PayoutService.java:18)"),
                new TraceStep(10, 1, "payout-alice", "read PayoutService.balance of PayoutService#1", "PayoutService.payout(PayoutService.java:17)"));
    }

    /** Returns the payout example's data race: bob's write at line 18, then alice's read at line 17. */
    static Outcome.DataRace payoutRace() {
        return new Outcome.DataRace("PayoutService.balance",
                new RaceAccess(2, "payout-bob", true, "PayoutService.payout(PayoutService.java:18)", List.of()),
                new RaceAccess(1, "payout-alice", false, "PayoutService.payout(PayoutService.java:17)", List.of()));
    }
}
