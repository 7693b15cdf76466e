package dev.racetest.scheduler.report;

import dev.racetest.scheduler.BlockedThread;
import dev.racetest.scheduler.Outcome;
import dev.racetest.scheduler.TraceStep;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Says which steps of a failing trace a reader must see: where the failure shows (the failing
 * steps), the step it conflicts with (the earlier access of a data race), and which steps touch the
 * racing variable. The trace records no such thing, so it is found from the outcome:
 *
 * <ul>
 * <li>a data race: the later access is the last step of its thread at its location, the earlier one
 *     the last step of its thread at its location before that;</li>
 * <li>a thread that threw, or took too long: that thread's last step;</li>
 * <li>a deadlock: the last step of every thread on its lock cycle (of every thread left waiting when
 *     there is no cycle); leaked threads: the last step of each;</li>
 * <li>a nondeterministic step: that step;</li>
 * <li>anything else (a livelock, a divergent replay, an uncontrolled thread): the last step.</li>
 * </ul>
 *
 * When the thread or location is not in the trace, the last step stands for the failure.
 */
final class FailureMarks {

    private final Set<Integer> failing;
    private final int related;
    private final String variable;

    FailureMarks(Set<Integer> failing, int related, String variable) {
        this.failing = Set.copyOf(failing);
        this.related = related;
        this.variable = variable;
    }

    /** Returns the marks of {@code outcome} on {@code trace}. */
    static FailureMarks of(Outcome outcome, List<TraceStep> trace) {
        if (trace.isEmpty()) {
            return new FailureMarks(Set.of(), -1, null);
        }
        int last = trace.getLast().index();
        return switch (outcome) {
            case Outcome.DataRace race -> {
                int later = lastStep(trace, race.later().threadId(), race.later().location(), Integer.MAX_VALUE);
                if (later < 0) {
                    later = last;
                }
                int earlier = lastStep(trace, race.earlier().threadId(), race.earlier().location(), later);
                yield new FailureMarks(Set.of(later), earlier, race.variable());
            }
            case Outcome.ThreadFailed failed -> single(lastStep(trace, failed.threadId(), null, Integer.MAX_VALUE), last);
            case Outcome.TimedOut timedOut -> single(lastStepNamed(trace, timedOut.threadName()), last);
            case Outcome.Deadlock deadlock -> blocked(trace, onCycle(deadlock), last);
            case Outcome.LeakedThreads leaked -> blocked(trace, leaked.threads(), last);
            case Outcome.Nondeterministic nondeterministic -> single(
                    trace.stream().anyMatch(step -> step.index() == nondeterministic.step()) ? nondeterministic.step() : -1,
                    last);
            default -> single(last, last);
        };
    }

    /** Returns whether {@code step} is where the failure shows. */
    boolean isFailing(int step) {
        return failing.contains(step);
    }

    /** Returns whether {@code step} is the step the failure conflicts with (a race's earlier access). */
    boolean isRelated(int step) {
        return step == related && related >= 0;
    }

    /** Returns whether {@code step} touches the variable a data race is on. */
    boolean touchesVariable(TraceStep step) {
        if (variable == null) {
            return false;
        }
        String operation = step.operation();
        int at = operation.indexOf(variable);
        while (at >= 0) {
            int end = at + variable.length();
            boolean wordStart = at == 0 || operation.charAt(at - 1) == ' ';
            boolean wordEnd = end == operation.length() || !Character.isJavaIdentifierPart(operation.charAt(end));
            if (wordStart && wordEnd) {
                return true;
            }
            at = operation.indexOf(variable, at + 1);
        }
        return false;
    }

    /** Returns the failing steps, in order. */
    List<Integer> failing() {
        return List.copyOf(new TreeSet<>(failing));
    }

    /** Returns the earlier access of a race, or {@code -1}. */
    int related() {
        return related;
    }

    boolean hasRelated() {
        return related >= 0;
    }

    private static FailureMarks single(int step, int fallback) {
        return new FailureMarks(Set.of(step >= 0 ? step : fallback), -1, null);
    }

    /**
     * Returns the threads of a deadlock's lock cycle, or all its threads when it has none: a thread
     * that only waits to join one on the cycle did not stop where the deadlock is.
     */
    private static List<BlockedThread> onCycle(Outcome.Deadlock deadlock) {
        List<BlockedThread> onCycle = deadlock.threads().stream()
                .filter(thread -> deadlock.cycle().contains("T" + thread.threadId() + " " + thread.threadName()))
                .toList();
        return onCycle.isEmpty() ? deadlock.threads() : onCycle;
    }

    private static FailureMarks blocked(List<TraceStep> trace, List<BlockedThread> threads, int fallback) {
        Set<Integer> steps = new TreeSet<>();
        for (BlockedThread thread : threads) {
            int step = lastStep(trace, thread.threadId(), null, Integer.MAX_VALUE);
            if (step >= 0) {
                steps.add(step);
            }
        }
        if (steps.isEmpty()) {
            steps.add(fallback);
        }
        return new FailureMarks(steps, -1, null);
    }

    /** Returns the last step of {@code threadId} before {@code before} (at {@code location}, unless null), or -1. */
    private static int lastStep(List<TraceStep> trace, int threadId, String location, int before) {
        for (TraceStep step : trace.reversed()) {
            if (step.index() < before && step.threadId() == threadId
                    && (location == null || location.equals(step.location()))) {
                return step.index();
            }
        }
        return -1;
    }

    private static int lastStepNamed(List<TraceStep> trace, String threadName) {
        for (TraceStep step : trace.reversed()) {
            if (step.threadName().equals(threadName)) {
                return step.index();
            }
        }
        return -1;
    }
}
