package dev.racetest.scheduler.strategy.dpor;

import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.Operation;
import dev.racetest.scheduler.Operation.Access;
import dev.racetest.scheduler.ReplayDivergedException;
import dev.racetest.scheduler.Seeds;
import dev.racetest.scheduler.Shard;
import dev.racetest.scheduler.Strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * The engine behind {@code DfsStrategy} and {@code DporStrategy}: a depth-first walk of the tree of
 * decisions, one execution per leaf, that replays the path to the deepest open branch and goes on
 * from there.
 *
 * <p>With {@link Reduction#NONE} every candidate of every decision is a branch. With
 * {@link Reduction#SOURCE_DPOR} a branch is opened only where a race of an explored execution asks for
 * it ({@link RaceAnalysis}), and sleep sets end an execution ({@link Strategy#ABANDON}) that could only
 * repeat explored traces (source-DPOR with sleep sets, Abdulla et al., POPL 2014): every Mazurkiewicz
 * trace is explored, each by one complete execution.
 *
 * <p><b>Not a step of the analysis but a branch everywhere:</b> which waiter a {@code notify} wakes, and
 * any decision where a thread could time out or wake spuriously; such steps count as
 * {@link Access#UNKNOWN}.
 *
 * <p><b>Preemption bound</b> (when positive): a path may switch away from a thread that could go on at
 * most that many times. A reversal that would exceed it is not added, but, as bounded POR does (Coons,
 * Musuvathi, McKinley, OOPSLA 2013), the reversal is also added at the latest earlier decision where the
 * previous thread could not go on, where it costs no preemption. Sleep sets are off under a bound: a
 * thread asleep because its branch was explored from a sibling may have been cut short there by the
 * bound, so a trace reachable within the bound only through this branch would be lost. Without them
 * a trace may be explored more than once (the fingerprints tell), but every trace DFS reaches within
 * the bound is reached.
 *
 * <p><b>Sharding</b>: for a shard i/n with n &gt; 1, the top of the tree is branched over fully in a
 * fixed order (sleep sets still apply, from the siblings explored before, so no two prefixes lead to one
 * trace). The top is every decision above the {@link #topDepth}-th decision that {@linkplain Frame#splits
 * splits} the space (two awake candidates conflict): counting only those keeps the thread starts and
 * other independent steps at the beginning of every test from using up the depth with prefixes that
 * all lead to the same traces. Each state at the first decision below the top (or a complete execution
 * that never reaches one) is numbered in the order reached, which is the same on every shard, and
 * belongs to the shard that {@link Shard#owns} its number; the others abandon it at once. Below it,
 * DPOR goes on with the inherited sleep set; reversals DPOR asks for in the top are dropped, since the
 * top is explored fully anyway. An execution that never reaches a decision below the top and that a
 * shard does not own has run to its end before this is known: {@link #lastExecutionCounts()} says so.
 *
 * <p>A pure function of the choices it is shown: every execution uses the same seed, so replaying a
 * prefix reproduces the same identity hashes and random numbers.
 */
public final class TreeSearch {

    /** How much of the tree is pruned. */
    public enum Reduction {
        /** None: every candidate at every decision. */
        NONE,
        /** Source-DPOR with sleep sets. */
        SOURCE_DPOR
    }

    final Reduction reduction;
    final long runSeed;
    final int bound;
    final Shard shard;
    /** How many splitting decisions the top of a sharded search has; 0 for the whole space. */
    final int topDepth;
    private final long executionSeed;

    /** The current path. */
    final ArrayList<Frame> frames = new ArrayList<>();
    boolean started;
    boolean exhausted;
    long complete;
    long abandoned;
    long redundant;
    long foreign;
    /** How many states below the top were reached so far. */
    long frontier;

    // ---- the current execution ----
    private boolean active;
    private int replayFrames;
    private int cursor;
    private int currentStep = -1;
    private int currentStepFrame = -1;
    /** The {@link Frame#level} of the next frame. */
    private int level;
    private final ArrayList<Event> events = new ArrayList<>();
    /** Which waiter each notify woke: {event index of the notify, woken thread}. */
    private final ArrayList<int[]> wakeups = new ArrayList<>();
    private final ThreadTable threadTable = new ThreadTable();
    private int previousStepThread = -1;
    private List<SleepEntry> sleep = List.of();
    private boolean pendingFinal;
    /** A replayed path the program did not follow at a step without a choice; the rest of the execution is not analysed. */
    private ReplayDivergedException divergence;
    private int violationEvent = -1;
    private boolean abandonedNow;
    private boolean reachedFrontier;
    private boolean ownedLast = true;
    private boolean countedLast;
    private long lastFingerprint;

    /**
     * @param runSeed         the seed every execution is run with
     * @param preemptionBound at most this many preemptions per execution; 0 or negative: unbounded
     * @param shard           the part of the space to explore
     */
    public TreeSearch(Reduction reduction, long runSeed, int preemptionBound, Shard shard) {
        this.reduction = reduction;
        this.runSeed = runSeed;
        this.bound = Math.max(0, preemptionBound);
        this.shard = shard;
        this.topDepth = topDepthFor(shard);
        this.executionSeed = Seeds.executionSeed(runSeed, 0);
    }

    /**
     * Returns how many splitting decisions the top has for {@code shard}: none for the whole space,
     * else enough that the top has at least 4n states below it when each splits in two.
     */
    static int topDepthFor(Shard shard) {
        if (shard.isWhole()) {
            return 0;
        }
        return 64 - Long.numberOfLeadingZeros(4L * shard.count() - 1);
    }

    /** Returns the seed of every execution: the same for all, so a replayed prefix behaves the same. */
    public long executionSeed() {
        return executionSeed;
    }

    /**
     * Settles the execution that just ended (its races, its trace), then opens the deepest branch left
     * and replays the path to it; returns {@code false} when none is left.
     */
    public boolean beginExecution() {
        finish();
        if (exhausted) {
            return false;
        }
        if (!started) {
            started = true;
            replayFrames = 0;
        } else if (!openNextBranch()) {
            exhausted = true;
            frames.clear();
            return false;
        }
        resetExecution();
        return true;
    }

    private boolean openNextBranch() {
        for (int i = frames.size() - 1; i >= 0; i--) {
            Frame frame = frames.get(i);
            int next = nextBranch(frame);
            if (next >= 0) {
                frames.subList(i + 1, frames.size()).clear();
                frame.chosen = next;
                frame.done.set(next);
                replayFrames = i + 1;
                return true;
            }
        }
        return false;
    }

    private int nextBranch(Frame frame) {
        for (int t = frame.backtrack.nextSetBit(0); t >= 0; t = frame.backtrack.nextSetBit(t + 1)) {
            if (!frame.done.get(t) && !frame.asleepOnEntry(t) && frame.hasCandidate(t) && frame.withinBound(t, bound)) {
                return t;
            }
        }
        return -1;
    }

    private void resetExecution() {
        active = true;
        cursor = 0;
        currentStep = -1;
        currentStepFrame = -1;
        level = 0;
        events.clear();
        wakeups.clear();
        threadTable.reset();
        previousStepThread = -1;
        sleep = List.of();
        pendingFinal = false;
        divergence = null;
        violationEvent = -1;
        abandonedNow = false;
        reachedFrontier = topDepth == 0;
        ownedLast = true;
        countedLast = false;
    }

    /** Returns the position to run, replaying the path or taking a new branch, or {@link Strategy#ABANDON}. */
    public int choose(Choice choice) {
        if (divergence != null) {
            throw divergence; // seen at a step without a choice, where the runtime cannot take it
        }
        if (choice.decision() == Choice.Decision.NOTIFY_WAITER) {
            return chooseWaiter(choice);
        }
        return enterStep(choice);
    }

    /** Records the step taken, for the race analysis and the sleep set. */
    public void stepTaken(Choice choice, int position) {
        if (divergence != null) {
            return;
        }
        if (choice.stepIndex() != currentStep) {
            try {
                if (enterStep(choice) < 0) {
                    return;
                }
            } catch (ReplayDivergedException diverged) {
                divergence = diverged; // reported at the next choice, which the runtime turns into a verdict
                return;
            }
        }
        Frame frame = frames.get(currentStepFrame);
        int thread = frame.threads[position];
        Event event = threadTable.take(thread, frame.operations[position], currentStepFrame,
                choice.stepsInsideInitialisers(), frame.roles[position], events.size());
        if (reduction == Reduction.SOURCE_DPOR && violationEvent < 0 && frame.asleepOnEntry(thread)) {
            violationEvent = events.size(); // forced to run a sleeping thread: the rest repeats explored traces
        }
        events.add(event);
        previousStepThread = thread;
        pendingFinal = true;
    }

    private int enterStep(Choice choice) {
        currentStep = choice.stepIndex();
        finalizePreviousStep(choice.stepsInsideInitialisers());
        int size = choice.size();
        int[] threads = new int[size];
        Operation[] operations = new Operation[size];
        byte[] roles = new byte[size];
        boolean timing = false;
        for (int p = 0; p < size; p++) {
            threads[p] = choice.threadId(p);
            boolean runs = choice.move(p) == Choice.Move.RUN;
            timing |= !runs;
            // Operations are asked for every candidate, every time, in the same order: object numbers follow first mention.
            Operation operation = choice.operation(p);
            operations[p] = runs ? operation : new Operation(threads[p], Access.UNKNOWN, 0, -1);
            roles[p] = operations[p].access() == Access.SYNC ? role(choice.pendingSite(p)) : Event.OTHER;
        }
        int index = cursor++;
        Frame frame;
        if (index < frames.size()) {
            frame = frames.get(index);
            if (frame.waiter || !Arrays.equals(frame.threads, threads)) {
                throw new ReplayDivergedException("exhaustive search replayed a path but the candidates changed from "
                        + Arrays.toString(frame.threads) + " to " + Arrays.toString(threads)
                        + "; the program behaves nondeterministically");
            }
        } else {
            boolean previousRunnable = previousStepThread >= 0 && contains(threads, previousStepThread);
            int preemptionsBefore = index == 0 ? 0 : preemptionsAfter(lastStepFrame(index));
            frame = new Frame(false, size >= 2 ? choice.decisionIndex() : -1, level, threads, sleep, preemptionsBefore,
                    previousStepThread, previousRunnable);
            frames.add(frame);
            frame.operations = operations;
            frame.splits = splits(frame, timing);
        }
        frame.operations = operations;
        frame.roles = roles;
        level = frame.level + (frame.splits ? 1 : 0);
        currentStepFrame = index;
        threadTable.noteCandidates(threads, previousStepThread, events.size() - 1);

        if (index < replayFrames) {
            if (frame.isDecision() && !frame.isTop(topDepth)) {
                reachedFrontier = true;
            }
            int position = frame.positionOf(frame.chosen);
            if (position < 0) {
                throw new ReplayDivergedException("exhaustive search replayed a path but T" + frame.chosen
                        + " is no longer a candidate; the program behaves nondeterministically");
            }
            return position;
        }
        if (size >= 2 && !reachedFrontier && !frame.isTop(topDepth) && !enterFrontier()) {
            return abandon(index);
        }
        if (size >= 2 && violationEvent >= 0) {
            return abandon(index); // the rest of this execution was explored already
        }
        int chosen = pick(frame);
        if (chosen < 0) {
            return abandon(index);
        }
        frame.chosen = chosen;
        frame.done.set(chosen);
        frame.backtrack.set(chosen);
        if (reduction == Reduction.NONE || frame.isTop(topDepth) || timing) {
            for (int thread : threads) {
                if (frame.withinBound(thread, bound)) {
                    frame.backtrack.set(thread);
                }
            }
        }
        return frame.positionOf(chosen);
    }

    private static byte role(SyncSite site) {
        if (site == null) {
            return Event.OTHER;
        }
        return switch (site.kind()) {
            case MONITOR_ENTER -> Event.ENTER;
            case WAIT -> Event.WAIT_RETURN;
            case NOTIFY, NOTIFY_ALL -> Event.NOTIFY;
            default -> Event.OTHER;
        };
    }

    /** Whether two awake candidates conflict (or a move is a timeout or spurious wake-up): only then can the choice matter. */
    private boolean splits(Frame frame, boolean timing) {
        if (timing) {
            return true;
        }
        int[] threads = frame.threads;
        for (int a = 0; a < threads.length; a++) {
            if (frame.asleepOnEntry(threads[a])) {
                continue;
            }
            for (int b = a + 1; b < threads.length; b++) {
                if (!frame.asleepOnEntry(threads[b]) && frame.operations[a].conflictsWith(frame.operations[b])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first choice at a new frame: the previous thread when it may go on (no preemption), else the lowest id. */
    private int pick(Frame frame) {
        if (frame.threads.length == 1) {
            return frame.threads[0];
        }
        boolean sleeps = reduction == Reduction.SOURCE_DPOR;
        if (frame.previousRunnable && !(sleeps && frame.asleepOnEntry(frame.previousThread))) {
            return frame.previousThread;
        }
        for (int thread : frame.threads) {
            if (!(sleeps && frame.asleepOnEntry(thread)) && frame.withinBound(thread, bound)) {
                return thread;
            }
        }
        return -1;
    }

    private int chooseWaiter(Choice choice) {
        int size = choice.size();
        int[] threads = new int[size];
        for (int p = 0; p < size; p++) {
            threads[p] = choice.threadId(p);
        }
        int index = cursor++;
        Frame frame;
        if (index < frames.size()) {
            frame = frames.get(index);
            if (!frame.waiter || !Arrays.equals(frame.threads, threads)) {
                throw new ReplayDivergedException("exhaustive search replayed a path but the waiters of a notify changed"
                        + " to " + Arrays.toString(threads) + "; the program behaves nondeterministically");
            }
        } else {
            frame = new Frame(true, choice.decisionIndex(), level, threads, List.of(), 0, -1, false);
            frame.splits = true;
            frames.add(frame);
        }
        level = frame.level + 1;
        if (index < replayFrames) {
            if (!frame.isTop(topDepth)) {
                reachedFrontier = true;
            }
            wakeups.add(new int[] {events.size() - 1, frame.chosen});
            return frame.positionOf(frame.chosen);
        }
        if (!reachedFrontier && !frame.isTop(topDepth) && !enterFrontier()) {
            return abandon(index);
        }
        if (violationEvent >= 0) {
            return abandon(index);
        }
        // A data choice: every waiter is a branch of its own, never a reordering of another.
        for (int thread : threads) {
            frame.backtrack.set(thread);
        }
        frame.chosen = threads[0];
        frame.done.set(threads[0]);
        wakeups.add(new int[] {events.size() - 1, threads[0]});
        return 0;
    }

    /** Numbers a new top-level state; returns whether this shard owns it. */
    private boolean enterFrontier() {
        reachedFrontier = true;
        ownedLast = shard.owns(frontier++);
        return ownedLast;
    }

    private int abandon(int frameIndex) {
        frames.subList(frameIndex, frames.size()).clear();
        cursor = frameIndex;
        abandonedNow = true;
        return Strategy.ABANDON;
    }

    private int lastStepFrame(int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (!frames.get(i).waiter) {
                return i;
            }
        }
        return -1;
    }

    private int preemptionsAfter(int frameIndex) {
        if (frameIndex < 0) {
            return 0;
        }
        Frame frame = frames.get(frameIndex);
        return frame.preemptionsBefore + (frame.preempts(frame.chosen) ? 1 : 0);
    }

    /**
     * Settles the operation of the previous step (widened to UNKNOWN when it ran static initialisers)
     * and the sleep set after it: the threads asleep before it, and those explored before it at its
     * state, that do not conflict with it.
     */
    private void finalizePreviousStep(int initialiserSteps) {
        if (!pendingFinal) {
            return;
        }
        pendingFinal = false;
        Event last = events.getLast();
        if (initialiserSteps > last.initialiserStepsAtStart) {
            last.operation = new Operation(last.thread, Access.UNKNOWN, 0, -1);
            frames.get(last.frame).widened.set(last.thread); // remembered for when it sleeps
        }
        if (reduction == Reduction.NONE || bound > 0) {
            return; // no sleep sets: see the class comment on bounds
        }
        Frame frame = frames.get(last.frame);
        List<SleepEntry> next = new ArrayList<>();
        for (SleepEntry entry : frame.sleep) {
            keepIfIndependent(entry, last, next);
        }
        for (int t = frame.done.nextSetBit(0); t >= 0; t = frame.done.nextSetBit(t + 1)) {
            if (t != last.thread) {
                keepIfIndependent(new SleepEntry(t, last.frame), last, next);
            }
        }
        sleep = next;
    }

    private void keepIfIndependent(SleepEntry entry, Event taken, List<SleepEntry> into) {
        if (entry.threadId() == taken.thread) {
            return;
        }
        Operation asleep = frames.get(entry.sourceFrame()).stepOf(entry.threadId());
        if (!asleep.conflictsWith(taken.operation)) {
            into.add(entry);
        }
    }

    /** Analyses the execution that just ended, once; called at every boundary. */
    void finish() {
        if (!active) {
            return;
        }
        active = false;
        pendingFinal = false;
        if (cursor < frames.size()) {
            frames.subList(cursor, frames.size()).clear();
        }
        if (divergence != null) {
            abandoned++; // a nondeterministic program: nothing of this execution can be trusted
            countedLast = false;
            return;
        }
        int threadCount = threadTable.threadCount();
        List<Event> analysed = violationEvent >= 0 ? events.subList(0, violationEvent) : events;
        RaceAnalysis.computeClocks(events, threadCount);
        if (reduction == Reduction.SOURCE_DPOR) {
            List<Event> pending = violationEvent >= 0 ? List.of() : PendingSteps.of(events, frames, threadTable);
            RaceAnalysis.findRaces(analysed, frames, threadCount, pending, new Backtracking(frames, bound, topDepth));
        }
        countedLast = false;
        if (abandonedNow) {
            abandoned++;
        } else if (violationEvent >= 0) {
            redundant++;
        } else {
            if (!reachedFrontier) {
                enterFrontier();
            }
            if (ownedLast) {
                complete++;
                countedLast = true;
                lastFingerprint = TraceFingerprint.of(events, wakeups, threadTable.parents(),
                        threadTable.childIndexes());
            } else {
                foreign++;
            }
        }
    }

    private static boolean contains(int[] threads, int thread) {
        for (int t : threads) {
            if (t == thread) {
                return true;
            }
        }
        return false;
    }

    // ---- progress ----

    /** Returns how many executions counted: one per trace (without a bound). */
    public long completeExecutions() {
        finish();
        return complete;
    }

    /** Executions abandoned: sleep-set blocked, or a top-level state another shard owns. */
    public long abandonedExecutions() {
        finish();
        return abandoned;
    }

    /** Executions that ran to the end but repeat an explored trace or belong to another shard. */
    public long uncountedExecutions() {
        finish();
        return redundant + foreign;
    }

    /** Returns whether no branch is left. */
    public boolean isComplete() {
        finish();
        return exhausted || started && !hasOpenBranch();
    }

    private boolean hasOpenBranch() {
        for (Frame frame : frames) {
            if (nextBranch(frame) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether the last execution is one of {@link #completeExecutions()}. */
    public boolean lastExecutionCounts() {
        finish();
        return countedLast;
    }

    /** Returns the trace fingerprint of the last execution, when it counted. */
    public OptionalLong lastTraceFingerprint() {
        finish();
        return countedLast ? OptionalLong.of(lastFingerprint) : OptionalLong.empty();
    }

    /**
     * Estimates the fraction of the tree explored: each decision on the path splits its share equally
     * among its branches known so far, and the branches finished before the current one count as done.
     */
    public double estimatedFractionDone() {
        finish();
        if (isComplete()) {
            return 1.0;
        }
        if (!started) {
            return 0.0;
        }
        double done = 0;
        double share = 1;
        for (Frame frame : frames) {
            if (!frame.isDecision()) {
                continue;
            }
            int branches = 0;
            for (int t = frame.backtrack.nextSetBit(0); t >= 0; t = frame.backtrack.nextSetBit(t + 1)) {
                if (frame.done.get(t) || (!frame.asleepOnEntry(t) && frame.withinBound(t, bound))) {
                    branches++;
                }
            }
            branches = Math.max(branches, 1);
            done += share * (frame.done.cardinality() - 1) / branches;
            share /= branches;
        }
        return Math.min(1.0, done + share);
    }

    // ---- checkpoint ----

    /** Returns the state between two executions as text ({@link SearchCheckpoint}). */
    public String checkpoint() {
        finish();
        return SearchCheckpoint.encode(this);
    }

    /** Returns the search {@code checkpoint} saved, which must be of {@code expected}. */
    public static TreeSearch restore(String checkpoint, Reduction expected) {
        return SearchCheckpoint.decode(checkpoint, expected);
    }
}
