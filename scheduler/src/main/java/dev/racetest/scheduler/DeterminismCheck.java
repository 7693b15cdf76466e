package dev.racetest.scheduler;

import dev.racetest.scheduler.runtime.Execution;

import java.util.List;

/**
 * Runs a schedule a second time and compares the two runs step by step: the same choices must make
 * the same threads do the same operations at the same places. Anything else means the program reads
 * something racetest does not control, and a failure it shows could not be replayed.
 */
final class DeterminismCheck {

    private DeterminismCheck() {
    }

    /**
     * Returns {@code outcome} when {@code second}, replaying the schedule of {@code first}, did the same
     * thing at every step; otherwise the first difference.
     */
    static Outcome rerun(Execution first, Outcome outcome, Execution second, TestBody body) {
        Outcome again = second.run(body);
        List<TraceStep> a = first.trace();
        List<TraceStep> b = second.trace();
        for (int i = 0, n = Math.min(a.size(), b.size()); i < n; i++) {
            if (!sameStep(a.get(i), b.get(i))) {
                return new Outcome.Nondeterministic(i + 1, describe(a.get(i)), describe(b.get(i)));
            }
        }
        if (a.size() != b.size()) {
            int step = Math.min(a.size(), b.size()) + 1;
            return new Outcome.Nondeterministic(step, a.size() < b.size() ? "the execution ended" : describe(a.get(step - 1)),
                    b.size() < a.size() ? "the execution ended" : describe(b.get(step - 1)));
        }
        if (again.getClass() != outcome.getClass()) {
            return new Outcome.Nondeterministic(a.size(), outcome.headline(), again.headline());
        }
        return outcome;
    }

    private static boolean sameStep(TraceStep a, TraceStep b) {
        return a.threadId() == b.threadId() && a.operation().equals(b.operation()) && a.location().equals(b.location());
    }

    private static String describe(TraceStep step) {
        return "T" + step.threadId() + " " + step.threadName() + " " + step.operation()
                + (step.location().isEmpty() ? "" : " at " + step.location());
    }
}
