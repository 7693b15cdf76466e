package dev.racetest.scheduler.report;

import dev.racetest.scheduler.BlockedThread;
import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.Failure;
import dev.racetest.scheduler.Outcome;
import dev.racetest.scheduler.RaceAccess;

import java.util.List;

/**
 * Writes a failure as text a person can act on in a terminal or an IDE: what failed, in which
 * execution, per-outcome details, the interleaving that led there as a {@link Swimlane} table, and
 * how to replay it.
 */
public final class FailureReport {

    private FailureReport() {
    }

    /**
     * Formats {@code failure}.
     *
     * @param result      the exploration that found it, for the execution count and seed
     * @param replayLines lines that tell how to replay it, printed last
     */
    public static String format(Failure failure, ExplorationResult result, List<String> replayLines) {
        StringBuilder out = new StringBuilder(2048);
        out.append("racetest found a failure: ").append(failure.outcome().headline()).append('\n');
        out.append(result.stopReason() == ExplorationResult.StopReason.REPLAYED
                ? "Replayed from a schedule"
                : "Found in execution " + (failure.executionIndex() + 1) + " (run seed " + result.seed() + ")");
        out.append("; the execution took ").append(failure.totalSteps()).append(" steps.\n");
        if (failure.replayNote() != null) {
            out.append("Note: ").append(failure.replayNote()).append(".\n");
        }
        appendOutcomeDetails(out, failure.outcome());
        appendTrace(out, failure);
        out.append('\n');
        for (String line : replayLines) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static void appendOutcomeDetails(StringBuilder out, Outcome outcome) {
        switch (outcome) {
            case Outcome.LeakedThreads leaked -> appendBlocked(out, "Threads that never ended:", leaked.threads());
            case Outcome.Deadlock deadlock -> appendBlocked(out, "Threads that cannot go on:", deadlock.threads());
            case Outcome.StepLimitExceeded limit -> SpinDetails.append(out, limit);
            case Outcome.TimedOut timedOut -> {
                if (!timedOut.stack().isEmpty()) {
                    out.append("\nThread ").append(timedOut.threadName()).append(" was at:\n");
                    for (StackTraceElement frame : timedOut.stack().subList(0, Math.min(10, timedOut.stack().size()))) {
                        out.append("  at ").append(frame).append('\n');
                    }
                }
                out.append("A loop with no synchronisation in it cannot be interleaved; raise racetest.executionTimeout if the test is just slow.\n");
            }
            case Outcome.ThreadFailed failed -> {
                out.append('\n').append(failed.error()).append('\n');
                StackTraceElement[] stack = failed.error().getStackTrace();
                int shown = 0;
                for (StackTraceElement frame : stack) {
                    if (isInternal(frame)) {
                        continue;
                    }
                    out.append("  at ").append(frame).append('\n');
                    if (++shown == 8) {
                        break;
                    }
                }
            }
            case Outcome.ReplayDiverged diverged -> out.append("\nThe code under test no longer follows the recorded schedule: ")
                    .append(diverged.reason()).append(".\n");
            case Outcome.UncontrolledThread escaped -> out.append("\nIt runs in ").append(escaped.origin())
                    .append(". racetest controls the threads that code loaded through its class loader starts, and those of")
                    .append(" the executors, ForkJoinPool, CompletableFuture and Timer that such code creates; this one was")
                    .append(" created elsewhere (for example by a pool made outside the test, or inside the JDK, as parallel")
                    .append(" streams do), so this test's interleavings can be neither explored nor trusted.\n");
            case Outcome.Nondeterministic nondeterministic -> out.append("\nThe program depends on something racetest does")
                    .append(" not control (real time outside instrumented code, I/O, a native library, unseeded randomness in")
                    .append(" a library racetest does not instrument), so its failures cannot be replayed reliably.\n");
            case Outcome.DataRace race -> appendRace(out, race);
            case Outcome.CannotContinue cannot -> out.append('\n');
            case Outcome.Passed passed -> out.append('\n');
            case Outcome.Abandoned abandoned -> out.append('\n');
        }
    }

    /** How many user frames of each racing access a report shows. */
    private static final int RACE_FRAMES = 8;

    private static void appendRace(StringBuilder out, Outcome.DataRace race) {
        out.append("\nThe two accesses to ").append(race.variable())
                .append(", with no happens-before between them (no lock, volatile, atomic, start/join or")
                .append(" java.util.concurrent hand-off orders them):\n");
        appendAccess(out, "first", race.earlier());
        appendAccess(out, "then", race.later());
        if (race.variable().matches("[\\w$]+#\\d+ \\(.*")) { // an object accessed through its calls: HashMap#1 (put)
            out.append("The object's class is not thread-safe: make both calls use the same lock, hand the object")
                    .append(" over through java.util.concurrent (a queue, a concurrent map, a future) or a join, or use")
                    .append(" a thread-safe class (ConcurrentHashMap, CopyOnWriteArrayList, StringBuffer, DateTimeFormatter).\n");
            return;
        }
        out.append("Make both accesses use the same lock, or make the field volatile or atomic; a race that is")
                .append(" harmless by design can be declared with @BenignRace on the field or racetest.races.benign.\n");
    }

    private static void appendAccess(StringBuilder out, String when, RaceAccess access) {
        out.append("  ").append(when).append(": T").append(access.threadId()).append(' ').append(access.threadName())
                .append(access.write() ? " wrote" : " read").append(" at ").append(access.location()).append('\n');
        if (access.stack().isEmpty()) {
            out.append("      (stack not captured)\n");
            return;
        }
        for (StackTraceElement frame : access.stack().subList(0, Math.min(RACE_FRAMES, access.stack().size()))) {
            out.append("      at ").append(frame).append('\n');
        }
    }

    private static void appendBlocked(StringBuilder out, String title, List<BlockedThread> threads) {
        out.append('\n').append(title).append('\n');
        for (BlockedThread thread : threads) {
            out.append("  T").append(thread.threadId()).append(' ').append(thread.threadName())
                    .append(" waits for ").append(thread.waitingFor());
            if (thread.waitingAt() != null) {
                out.append("\n      at ").append(thread.waitingAt());
            }
            out.append('\n');
            for (String held : thread.holds()) {
                out.append("      holds ").append(held).append('\n');
            }
        }
    }

    private static void appendTrace(StringBuilder out, Failure failure) {
        List<String> table = Swimlane.lines(failure.trace(), FailureMarks.of(failure.outcome(), failure.trace()),
                failure.totalSteps());
        if (table.isEmpty()) {
            return;
        }
        out.append('\n');
        for (String line : table) {
            out.append(line).append('\n');
        }
    }

    private static boolean isInternal(StackTraceElement frame) {
        String name = frame.getClassName();
        return name.startsWith("dev.racetest.instrument.") || name.startsWith("dev.racetest.scheduler.")
                || name.startsWith("dev.racetest.engine.") || name.startsWith("jdk.internal.")
                || name.startsWith("java.lang.reflect.") || name.startsWith("java.lang.VirtualThread")
                || name.startsWith("java.lang.Thread");
    }
}
