package dev.racetest.scheduler;

import java.time.Duration;
import java.util.List;

/**
 * How one execution ended. Every kind but {@link Passed} is a failure of the test.
 */
public sealed interface Outcome {

    /** Returns a one-line headline for a report, such as {@code "deadlock: 2 threads wait for each other"}. */
    String headline();

    /** Returns whether this outcome fails the test. */
    default boolean isFailure() {
        return !(this instanceof Passed);
    }

    /** Every controlled thread ran to completion without throwing. */
    record Passed() implements Outcome {
        @Override
        public String headline() {
            return "passed";
        }
    }

    /** A controlled thread threw {@code error} and did not catch it. */
    record ThreadFailed(int threadId, String threadName, Throwable error) implements Outcome {
        @Override
        public String headline() {
            String message = error.getMessage() == null ? "" : ": " + oneLine(error.getMessage());
            return error.getClass().getName() + " in thread " + threadName + message;
        }
    }

    /**
     * No thread could make progress while some had not finished.
     *
     * @param threads every thread that had not finished
     * @param cycle   the threads that wait for each other's locks, as {@code "T1 name"} labels, in
     *                wait-for order; empty when the threads are blocked without such a cycle
     */
    record Deadlock(List<BlockedThread> threads, List<String> cycle) implements Outcome {
        public Deadlock {
            threads = List.copyOf(threads);
            cycle = List.copyOf(cycle);
        }

        @Override
        public String headline() {
            if (!cycle.isEmpty()) {
                return "deadlock: " + String.join(", ", cycle) + " wait for each other's locks";
            }
            return "deadlock: " + threads.size() + (threads.size() == 1 ? " thread is" : " threads are")
                    + " blocked and none can go on";
        }
    }

    /**
     * The test body returned, but threads it started (not daemon threads) can never end: they wait for
     * something nobody will do any more, such as a pool worker waiting for work that will never come.
     *
     * @param threads the threads that never ended, with what they wait for
     */
    record LeakedThreads(List<BlockedThread> threads) implements Outcome {
        public LeakedThreads {
            threads = List.copyOf(threads);
        }

        @Override
        public String headline() {
            BlockedThread first = threads.getFirst();
            String others = threads.size() == 1 ? "" : " and " + (threads.size() - 1) + " more";
            return "leak: the test body returned but thread T" + first.threadId() + " " + first.threadName() + others
                    + " never ended (it waits for " + first.waitingFor()
                    + (first.waitingAt() == null ? "" : " at " + first.waitingAt()) + ")";
        }
    }

    /**
     * The same schedule, run twice, did different things: the program has a source of nondeterminism
     * racetest does not control, so its interleavings cannot be replayed. Found by the determinism check.
     *
     * @param step   the first step (from 1) where the two runs differ
     * @param first  what the first run did at that step
     * @param second what the second run did at that step
     */
    record Nondeterministic(int step, String first, String second) implements Outcome {
        @Override
        public String headline() {
            return "nondeterminism: the same schedule ran differently at step " + step + " (first: " + first
                    + "; then: " + second + ")";
        }
    }

    /**
     * The execution took more than {@code maxSteps} scheduling steps: a livelock, a spin loop that
     * never sees the value it waits for, or a bound set too low.
     *
     * @param spinning   the threads that took most of the last steps, each with the loop it kept going
     *                   round, such as {@code "T1 worker loops in Worker.run(Worker.java:14-18) (64 of the last 64 steps)"}
     * @param progress   whether those steps changed anything, as a sentence: not progressing (only reads),
     *                   busy (the writers named), or unknown (calls racetest cannot see into); empty when unknown
     * @param spinningAt the source locations the last steps kept returning to, most frequent first
     */
    record StepLimitExceeded(int maxSteps, List<String> spinning, String progress, List<String> spinningAt)
            implements Outcome {
        public StepLimitExceeded {
            spinning = List.copyOf(spinning);
            spinningAt = List.copyOf(spinningAt);
        }

        /** An outcome with only the locations, for callers that know nothing of the threads. */
        public StepLimitExceeded(int maxSteps, List<String> spinningAt) {
            this(maxSteps, List.of(), "", spinningAt);
        }

        @Override
        public String headline() {
            return "livelock: the execution did not finish within " + maxSteps + " steps";
        }
    }

    /**
     * The execution ran longer than its wall-time bound.
     *
     * @param threadName the thread that was running when the bound was hit
     * @param stack      where that thread was
     */
    record TimedOut(Duration limit, String threadName, List<StackTraceElement> stack) implements Outcome {
        public TimedOut {
            stack = List.copyOf(stack);
        }

        @Override
        public String headline() {
            return "stuck: the execution ran longer than " + limit.toMillis() + " ms (thread " + threadName + " was running)";
        }
    }

    /** A replayed schedule could not be followed: the program behaves differently from when it was recorded. */
    record ReplayDiverged(int decision, String reason) implements Outcome {
        @Override
        public String headline() {
            return "replay diverged at decision " + decision + ": " + reason;
        }
    }

    /**
     * A thread racetest does not control ran instrumented code during the execution, so its steps were
     * neither chosen nor seen and the execution proves nothing.
     *
     * @param threadName the uncontrolled thread
     * @param location   the sync point where it was noticed
     * @param origin     the frame its work started from, such as {@code java.util.concurrent.ThreadPoolExecutor$Worker.run}
     */
    record UncontrolledThread(String threadName, String location, String origin) implements Outcome {
        @Override
        public String headline() {
            return "thread " + threadName + " is not controlled by racetest but ran instrumented code at " + location;
        }
    }

    /**
     * The strategy ended the execution early because everything after that point had been explored
     * before (a DPOR sleep set); it is neither a pass nor a failure.
     *
     * @param decision the number of decisions made before it was abandoned
     */
    record Abandoned(int decision) implements Outcome {
        @Override
        public String headline() {
            return "abandoned after " + decision + " decisions: the rest was explored before";
        }

        @Override
        public boolean isFailure() {
            return false;
        }
    }

    /**
     * Two threads accessed the same variable, at least one of them writing, and neither access
     * happens-before the other: the program's result depends on the memory model, whatever the
     * interleaving showed.
     *
     * @param variable the variable, such as {@code Account.balance} or {@code int[] element 3}
     * @param earlier  the access that came first in this execution
     * @param later    the access that raced with it, at which the execution stopped
     */
    record DataRace(String variable, RaceAccess earlier, RaceAccess later) implements Outcome {
        @Override
        public String headline() {
            return "data race on " + variable + ": " + earlier.describe() + ", " + later.describe()
                    + " without happens-before";
        }
    }

    /** The harness met a situation it cannot schedule through; the message says which and what to do. */
    record CannotContinue(String reason) implements Outcome {
        @Override
        public String headline() {
            return "racetest cannot continue this execution: " + reason;
        }
    }

    /** Folds a (possibly multi-line, as AssertJ writes them) message onto one line for a headline. */
    private static String oneLine(String text) {
        String folded = text.strip().replaceAll("\\s+", " ");
        return folded.length() <= 200 ? folded : folded.substring(0, 197) + "...";
    }
}
