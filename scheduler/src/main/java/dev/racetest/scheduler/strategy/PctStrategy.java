package dev.racetest.scheduler.strategy;

import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.Seeds;
import dev.racetest.scheduler.Strategy;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Probabilistic concurrency testing with bug depth {@code d} (Burckhardt, Kothari, Musuvathi and
 * Nagarakatte, "A Randomized Scheduler with Probabilistic Guarantees of Finding Bugs", ASPLOS 2010).
 *
 * <p>Every thread gets a distinct random priority of at least {@code d} when it first appears in a
 * decision; drawing independent uniform values as threads appear gives every order of the threads the
 * same probability, as the paper's random permutation does. Before the execution, {@code d - 1}
 * change points {@code c_1 .. c_{d-1}} are drawn uniformly and distinct from {@code [1, k]}, where
 * {@code k} is the number of decisions an execution takes ({@link LengthEstimate}: the most any
 * earlier execution of this strategy took, {@value LengthEstimate#INITIAL_GUESS} for the first). At
 * every decision the highest-priority candidate runs; when the decision is the {@code c_i}-th, the
 * thread chosen there takes its step and then drops to priority {@code i - 1}, below every initial
 * priority. A bug that needs {@code d} ordering constraints among {@code n} threads is then hit with
 * probability at least {@code 1 / (n k^(d-1))} per execution: the right thread must be on top
 * ({@code 1/n}) and each change point must fall on its step ({@code 1/k} each). The rules below for
 * spins, yields and timed waits perturb that order, so the bound is the paper's for programs without
 * them.
 *
 * <p>What the paper leaves open, decided here:
 * <ul>
 *   <li><b>Spinning.</b> A strict priority scheduler lets a thread that waits in a loop for a
 *       lower-priority thread spin forever. A candidate about to {@code yield} or {@code onSpinWait}
 *       ({@link SyncPointKind#THREAD_YIELD}) while another could run is demoted below every priority
 *       given so far: that is what yielding asks for. A spin loop without a yield is caught by its
 *       length: a thread chosen at more than {@value #SPIN_STREAK} decisions in a row, each with
 *       another thread able to run, is demoted the same way. Real work that long gets one extra
 *       preemption per {@value #SPIN_STREAK} steps, which costs the guarantee little; a lower bound
 *       would turn long loops into round robin, a higher one wastes steps on every spin.</li>
 *   <li><b>Ending.</b> After {@code 4k + }{@value #BUDGET_SLACK} decisions the rest of the execution
 *       is a fair random walk, so every execution ends even when priorities alone would livelock it.
 *       Four times the longest execution seen leaves room for the detours priorities take; the slack
 *       keeps the first executions, whose {@code k} is a guess, from being cut short.</li>
 *   <li><b>Waiting threads, {@code notify}.</b> Timeouts and spurious wake-ups are offered as
 *       {@link WaitEndings} says (with probability {@code 1/k} per decision, not by priority), and a
 *       {@code notify} wakes a uniformly chosen waiter; both draw from this execution's generator.</li>
 * </ul>
 *
 * <p>Execution {@code i} is a function of the run's seed, {@code i} (through
 * {@link Seeds#executionSeed}) and the lengths of this strategy's earlier executions.
 */
public final class PctStrategy implements Strategy {

    /**
     * The depth {@code @RaceTest} uses when none is configured: most concurrency bugs found in practice
     * have depth 1 to 3, and each extra level divides the guarantee by {@code k}.
     */
    public static final int DEFAULT_DEPTH = 3;

    /** A thread chosen at more consecutive decisions than this, others able to run, is taken to be spinning. */
    static final int SPIN_STREAK = 256;
    /** Decisions beyond four times the expected length after which the execution is finished at random. */
    static final int BUDGET_SLACK = 1_000;

    private static final long UNSEEN = Long.MIN_VALUE;

    private final long runSeed;
    private final int depth;
    private LengthEstimate length = new LengthEstimate();

    // State of the current execution.
    private long executionSeed;
    private SplittableRandom random;
    /** {@code changePoints[i]} is the decision after which the thread chosen there drops to priority {@code i}. */
    private int[] changePoints;
    private int budget;
    /** Priority by thread id; {@link #UNSEEN} for a thread not yet in any decision. Distinct among seen threads. */
    private long[] priorities = new long[8];
    /** The lowest priority given so far; demoted threads go below it. Change points use 0 .. d-2. */
    private long lowest;
    /** Consecutive decisions, with another thread able to run, won by the thread that ran the step before. */
    private int streak;

    /**
     * Creates the strategy.
     *
     * @param runSeed the run's seed
     * @param depth   the bug depth {@code d}, at least 1: executions get {@code d - 1} change points
     */
    public PctStrategy(long runSeed, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, but was " + depth);
        }
        this.runSeed = runSeed;
        this.depth = depth;
    }

    @Override
    public boolean beginExecution(int index) {
        length.beginExecution();
        executionSeed = Seeds.executionSeed(runSeed, index);
        random = new SplittableRandom(executionSeed);
        int k = length.expected();
        changePoints = drawChangePoints(k);
        budget = 4 * k + BUDGET_SLACK;
        Arrays.fill(priorities, UNSEEN);
        lowest = 0;
        streak = 0;
        return true;
    }

    /** Draws {@code d - 1} distinct decisions from {@code [1, k]} (fewer when {@code k} is smaller). */
    private int[] drawChangePoints(int k) {
        int[] points = new int[Math.min(depth - 1, k)];
        for (int i = 0; i < points.length; i++) {
            int point;
            do {
                point = 1 + random.nextInt(k);
            } while (contains(points, i, point));
            points[i] = point;
        }
        return points;
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int choose(Choice choice) {
        if (choice.decision() == Choice.Decision.NOTIFY_WAITER) {
            return WaitEndings.chooseWaiter(choice, random);
        }
        int decision = length.countDecision();
        if (decision > budget) {
            return random.nextInt(choice.size());
        }
        int ending = WaitEndings.choose(choice, random, length.expected());
        if (ending != WaitEndings.RUN_INSTEAD) {
            return ending; // a change point falling here is skipped: no thread ran on priority
        }
        int runners = 0;
        for (int position = 0; position < choice.size(); position++) {
            if (WaitEndings.runs(choice, position)) {
                runners++;
                prioritise(choice.threadId(position));
            }
        }
        int best = highest(choice);
        int demoted = 0;
        while (runners > 1 && demoted < runners - 1 && isYielding(choice.pendingSite(best))) {
            demote(choice.threadId(best));
            demoted++;
            best = highest(choice);
        }
        int thread = choice.threadId(best);
        if (runners > 1) {
            // Consecutive decisions won by the thread that ran the step before: a loop nobody interrupts.
            streak = thread == choice.previousThreadId() ? streak + 1 : 1;
            if (streak > SPIN_STREAK) {
                demote(thread);
                best = highest(choice);
                thread = choice.threadId(best);
                streak = 1;
            }
        }
        for (int i = 0; i < changePoints.length; i++) {
            if (changePoints[i] == decision) {
                priorities[thread] = i; // the i+1-th change point: below every initial priority (>= d)
            }
        }
        return best;
    }

    /** Gives {@code thread} its initial priority if it has none: uniform, at least {@code d}, distinct. */
    private void prioritise(int thread) {
        if (thread >= priorities.length) {
            int old = priorities.length;
            priorities = Arrays.copyOf(priorities, Math.max(thread + 1, old * 2));
            Arrays.fill(priorities, old, priorities.length, UNSEEN);
        }
        if (priorities[thread] != UNSEEN) {
            return;
        }
        long priority;
        do {
            priority = random.nextLong(depth, Long.MAX_VALUE);
        } while (taken(priority));
        priorities[thread] = priority;
    }

    private boolean taken(long priority) {
        for (long existing : priorities) {
            if (existing == priority) {
                return true;
            }
        }
        return false;
    }

    /** Returns the position of the running candidate with the highest priority. */
    private int highest(Choice choice) {
        int best = -1;
        for (int position = 0; position < choice.size(); position++) {
            if (WaitEndings.runs(choice, position)
                    && (best < 0 || priorities[choice.threadId(position)] > priorities[choice.threadId(best)])) {
                best = position;
            }
        }
        return best;
    }

    private void demote(int thread) {
        priorities[thread] = --lowest;
    }

    private static boolean isYielding(SyncSite site) {
        return site != null && site.kind() == SyncPointKind.THREAD_YIELD;
    }

    /** A fork knows the learned execution length; the rest is drawn afresh for each execution anyway. */
    @Override
    public Strategy fork() {
        PctStrategy fork = new PctStrategy(runSeed, depth);
        fork.length = length.fork();
        return fork;
    }

    @Override
    public void absorb(Strategy fork) {
        length.absorb(((PctStrategy) fork).length);
    }

    @Override
    public long executionSeed() {
        return executionSeed;
    }

    /** Returns the priority of {@code thread} in the current execution, for tests; {@link Long#MIN_VALUE} if unseen. */
    long priorityOf(int thread) {
        return thread < priorities.length ? priorities[thread] : UNSEEN;
    }

    /** Returns the change points of the current execution, for tests: element {@code i} demotes to priority {@code i}. */
    int[] changePoints() {
        return changePoints.clone();
    }
}
