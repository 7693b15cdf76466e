package dev.racetest.scheduler;

import dev.racetest.scheduler.runtime.Execution;
import dev.racetest.scheduler.strategy.ExhaustiveStrategy;
import dev.racetest.scheduler.strategy.ReplayStrategy;
import dev.racetest.scheduler.strategy.Strategies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the executions of one exploration: one after another for a strategy that cannot fork (DPOR),
 * or in epochs on several carriers for one that can ({@link Strategy#fork()}).
 *
 * <p>Why epochs: a learning strategy (PCT learns the length of an execution) makes execution i depend
 * on executions before it. Running execution i on a fork taken at the start of its epoch, and absorbing
 * the forks in execution order at the end, makes execution i depend only on whole earlier epochs, so
 * the same executions run, and the same first failure (in execution order, not the first to finish) is
 * reported, whatever the parallelism, one carrier included.
 */
final class ExecutionLoop {

    /** Executions per epoch: fixed, so results do not depend on the number of carriers. */
    static final int EPOCH = 16;

    /** How often a long exhaustive run writes its checkpoint. */
    private static final long CHECKPOINT_INTERVAL_NANOS = 30_000_000_000L;

    private final ExplorationSettings settings;
    private final String name;
    private final CarrierSlots slots;
    /** The run's first data race in execution order, when races only warn; set by the loop's thread. */
    private Optional<Outcome.DataRace> raceWarning = Optional.empty();
    /** The run's first leak in execution order, when leaks only warn; set by the loop's thread. */
    private Optional<Outcome.LeakedThreads> leakWarning = Optional.empty();
    /** The slot of the thread that runs the loop itself (replays of failures run there). */
    private final int ownSlot;
    private volatile boolean stopped;
    /** The run of the stored schedule that still fails, kept for its report; null until one does. */
    private Ran storedRan;
    /** What became of the stored schedules, once all ran; read by the watchdog when it abandons the run. */
    private volatile List<StoredReplay> storedReplays = List.of();
    private volatile ExecutorService carriers;

    ExecutionLoop(ExplorationSettings settings, String name, CarrierSlots slots) {
        this.settings = settings;
        this.name = name;
        this.slots = slots;
        this.ownSlot = settings.parallelism();
    }

    /** Returns what became of the stored schedules replayed first, or nothing while they still run. */
    List<StoredReplay> storedReplays() {
        return storedReplays;
    }

    /** Asks the loop to start no more executions (the watchdog gave up on one); callable from any thread. */
    void stop() {
        stopped = true;
        ExecutorService pool = carriers;
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    ExplorationResult run(TestBody body) throws InterruptedException {
        long start = System.nanoTime();
        RunStatistics statistics = new RunStatistics();
        List<StoredReplay> replays = replayStored(body, statistics);
        storedReplays = List.copyOf(replays);
        if (!replays.isEmpty() && replays.getLast().stillFails()) {
            Failure failure = reportable(storedRan, body);
            return storedOnlyResult(start, statistics, ExplorationResult.StopReason.FAILURE_FOUND, Optional.of(failure), replays);
        }
        if (!settings.stored().thenExplore() || stopped) {
            return storedOnlyResult(start, statistics, ExplorationResult.StopReason.REPLAYED, Optional.empty(), replays);
        }
        Strategy strategy = Strategies.create(settings);
        Strategy probe = strategy.fork();
        int offset = replays.size();
        ExplorationResult explored = probe == null
                ? runInSequence(body, strategy, start, statistics, offset)
                : runInEpochs(body, strategy, start, statistics, offset);
        return explored.withStoredReplays(replays);
    }

    // ---- stored failing schedules, first ----

    /**
     * Replays the stored schedules as executions 0 to k-1, in order, until one still fails. The
     * strategy has not started yet, so what it explores afterwards is what it would explore without
     * them; only the execution numbers shift by k.
     */
    private List<StoredReplay> replayStored(TestBody body, RunStatistics statistics) {
        List<Schedule> stored = settings.stored().schedules();
        List<StoredReplay> replays = new ArrayList<>(stored.size());
        for (int index = 0; index < stored.size() && !stopped; index++) {
            Schedule schedule = stored.get(index);
            Strategy replay = new ReplayStrategy(schedule);
            replay.beginExecution(0);
            Ran ran = execute(body, replay, index, ownSlot);
            noteWarnings(ran);
            statistics.executionEnded(false, ran.hash(), ran.steps(), ran.threads());
            StoredReplay verdict = new StoredReplay(index, schedule, endedEarly(ran, schedule));
            replays.add(verdict);
            if (verdict.stillFails()) {
                storedRan = ran;
                break;
            }
        }
        return replays;
    }

    /**
     * Returns the outcome of a stored replay, except that a pass which left some of the schedule's
     * decisions unused is a divergence: the program took fewer decisions than when the schedule was
     * recorded, so it is not the same run passing (the bug need not be fixed, the code changed).
     */
    private static Outcome endedEarly(Ran ran, Schedule schedule) {
        int used = ran.execution().schedule().length();
        if (ran.outcome().isFailure() || used >= schedule.length()) {
            return ran.outcome();
        }
        return new Outcome.ReplayDiverged(used + 1, "the program ended after " + used + " of the schedule's "
                + schedule.length() + " decisions, so it no longer runs the way the schedule was recorded");
    }

    private ExplorationResult storedOnlyResult(long start, RunStatistics statistics, ExplorationResult.StopReason stop,
                                               Optional<Failure> found, List<StoredReplay> replays) {
        return epochResult(start, statistics, stop, found).withStoredReplays(replays);
    }

    // ---- one after another ----

    /**
     * Runs the strategy's executions one after another; {@code offset} stored replays ran before them,
     * so the strategy's execution i is the run's execution {@code offset + i}, and budgets count only its own.
     */
    private ExplorationResult runInSequence(TestBody body, Strategy initial, long start, RunStatistics statistics,
                                            int offset) {
        boolean exhaustive = settings.exhaustive();
        Strategy strategy = initial;
        Optional<Checkpoints> checkpoints = exhaustive && initial instanceof ExhaustiveStrategy
                ? settings.checkpoint().map(file -> new Checkpoints(file, settings))
                : Optional.empty();
        long executionsBefore = 0;
        if (checkpoints.isPresent()) {
            Optional<Checkpoints.Saved> saved = checkpoints.get().read();
            if (saved.isPresent()) {
                try {
                    strategy = Strategies.restore(settings, saved.get().state());
                    executionsBefore = saved.get().executions();
                } catch (IllegalArgumentException unusable) {
                    System.err.println("racetest: the checkpoint " + settings.checkpoint().get() + " was not used because "
                            + unusable.getMessage() + "; the run starts afresh");
                }
            }
        }
        ExhaustiveStrategy tree = strategy instanceof ExhaustiveStrategy exhaustiveStrategy ? exhaustiveStrategy : null;
        CheckpointRequests requests = checkpoints.isPresent() ? CheckpointRequests.install() : null;
        ProgressLine progress = new ProgressLine(name, settings.progressInterval());
        ExplorationResult.StopReason stop = ExplorationResult.StopReason.EXECUTION_BUDGET;
        Optional<Failure> found = Optional.empty();
        long nextCheckpoint = System.nanoTime() + CHECKPOINT_INTERVAL_NANOS;
        try {
            for (int index = 0; !stopped; index++) {
                int own = statistics.executions() - offset;
                if (exhaustive ? own >= settings.maxExecutions() : index >= settings.maxExecutions()) {
                    break;
                }
                if (!exhaustive && !settings.shard().owns(index)) {
                    continue;
                }
                if (own > 0 && System.nanoTime() - start > settings.timeBudget().toNanos()) {
                    stop = ExplorationResult.StopReason.TIME_BUDGET;
                    break;
                }
                if (checkpoints.isPresent() && (System.nanoTime() - nextCheckpoint > 0 || requests.requested())) {
                    checkpoints.get().write(executionsBefore + own, tree.checkpoint());
                    requests.written();
                    nextCheckpoint = System.nanoTime() + CHECKPOINT_INTERVAL_NANOS;
                }
                if (!strategy.beginExecution(index)) {
                    stop = ExplorationResult.StopReason.EXHAUSTED;
                    break;
                }
                Ran ran = execute(body, strategy, offset + index, ownSlot);
                noteWarnings(ran);
                if (tree != null) {
                    // DPOR counts an execution once per trace; the rest (abandoned, or repeating a trace where
                    // nothing was left to abandon) are not interleavings of their own.
                    boolean counts = tree.lastExecutionCounts();
                    statistics.executionEnded(!counts, tree.lastTraceFingerprint().orElse(0), ran.steps(), ran.threads());
                } else {
                    statistics.executionEnded(ran.abandoned(), ran.hash(), ran.steps(), ran.threads());
                }
                if (ran.outcome().isFailure()) {
                    found = Optional.of(reportable(ran, body));
                    stop = ExplorationResult.StopReason.FAILURE_FOUND;
                    break;
                }
                if (progress.due()) {
                    progress.show(snapshot(statistics, tree, false, offset));
                }
            }
        } finally {
            if (requests != null) {
                requests.uninstall();
            }
        }
        progress.finish();
        if (checkpoints.isPresent()) {
            if (stop == ExplorationResult.StopReason.EXECUTION_BUDGET || stop == ExplorationResult.StopReason.TIME_BUDGET) {
                checkpoints.get().write(executionsBefore + statistics.executions() - offset, tree.checkpoint());
            } else {
                checkpoints.get().delete(); // complete, or a failure to fix first: the next run starts afresh
            }
        }
        Statistics figures = snapshot(statistics, tree, stop == ExplorationResult.StopReason.EXHAUSTED, offset);
        return new ExplorationResult(figures.executions(), figures.distinctInterleavings(), settings.seed(),
                Duration.ofNanos(System.nanoTime() - start), stop, found, figures, raceWarning)
                .withLeakWarning(leakWarning);
    }

    /**
     * Returns the figures so far; for an exhaustive strategy the counts include the executions before
     * the checkpoint this run resumed from, and the interleavings are the traces the strategy counted;
     * the {@code offset} stored replays that ran first count as executions, not as the tree's interleavings.
     */
    private Statistics snapshot(RunStatistics statistics, ExhaustiveStrategy tree, boolean complete, int offset) {
        if (tree == null) {
            return statistics.snapshot(settings.exhaustive(), complete ? 1.0 : Double.NaN);
        }
        Statistics here = statistics.snapshot(true, complete ? 1.0 : tree.estimatedFractionDone());
        long executions = tree.completeExecutions() + tree.abandonedExecutions() + tree.uncountedExecutions() + offset;
        return new Statistics((int) Math.min(Integer.MAX_VALUE, Math.max(executions, here.executions())),
                (int) Math.min(Integer.MAX_VALUE, tree.abandonedExecutions() + tree.uncountedExecutions()),
                (int) Math.min(Integer.MAX_VALUE, tree.completeExecutions()), here.maxSteps(), here.meanSteps(),
                here.maxThreads(), here.executionsPerSecond(), here.coveredShare(), here.fractionDone());
    }

    // ---- in epochs, on several carriers ----

    /** Runs the strategy's executions in epochs; {@code offset} as for {@link #runInSequence}. */
    private ExplorationResult runInEpochs(TestBody body, Strategy master, long start, RunStatistics statistics,
                                          int offset) throws InterruptedException {
        ProgressLine progress = new ProgressLine(name, settings.progressInterval());
        ExplorationResult.StopReason stop = ExplorationResult.StopReason.EXECUTION_BUDGET;
        Optional<Failure> found = Optional.empty();
        AtomicInteger slotNumbers = new AtomicInteger();
        ThreadLocal<Integer> slotOfThread = new ThreadLocal<>();
        carriers = Executors.newFixedThreadPool(settings.parallelism(), task -> {
            int slot = slotNumbers.getAndIncrement();
            return Thread.ofPlatform().name("racetest-carrier-" + slot).daemon(true).unstarted(() -> {
                slotOfThread.set(slot);
                task.run();
            });
        });
        try {
            int next = 0;
            while (!stopped && next < settings.maxExecutions()) {
                if (statistics.executions() > offset && System.nanoTime() - start > settings.timeBudget().toNanos()) {
                    stop = ExplorationResult.StopReason.TIME_BUDGET;
                    break;
                }
                List<Integer> indices = new ArrayList<>(EPOCH);
                while (indices.size() < EPOCH && next < settings.maxExecutions()) {
                    if (settings.shard().owns(next)) {
                        indices.add(next);
                    }
                    next++;
                }
                List<Ran> epoch = runEpoch(body, master, indices, offset, slotOfThread);
                for (Ran ran : epoch) {
                    noteWarnings(ran);
                    master.absorb(ran.strategy());
                    statistics.executionEnded(ran.abandoned(), ran.hash(), ran.steps(), ran.threads());
                    if (ran.outcome().isFailure()) {
                        found = Optional.of(reportable(ran, body));
                        stop = ExplorationResult.StopReason.FAILURE_FOUND;
                        break;
                    }
                }
                if (found.isPresent()) {
                    break;
                }
                if (progress.due()) {
                    progress.show(statistics.snapshot(false, Double.NaN));
                }
            }
        } finally {
            carriers.shutdownNow();
        }
        progress.finish();
        return epochResult(start, statistics, stop, found);
    }

    /**
     * Runs the executions numbered {@code indices}, each on a fork of {@code master} taken now, and
     * returns them in execution order up to and including the first failure.
     */
    private List<Ran> runEpoch(TestBody body, Strategy master, List<Integer> indices, int offset,
                               ThreadLocal<Integer> slotOfThread) throws InterruptedException {
        AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
        List<Future<Ran>> futures = new ArrayList<>(indices.size());
        for (int index : indices) {
            Strategy fork = master.fork();
            futures.add(carriers.submit(() -> {
                if (index > firstFailure.get() || stopped) {
                    return null; // an earlier execution of this epoch failed: this one would not count
                }
                fork.beginExecution(index);
                Ran ran = execute(body, fork, offset + index, slotOfThread.get());
                if (ran.outcome().isFailure()) {
                    firstFailure.accumulateAndGet(index, Math::min);
                }
                return ran;
            }));
        }
        List<Ran> ran = new ArrayList<>(indices.size());
        boolean failed = false;
        for (Future<Ran> future : futures) {
            Ran one = await(future);
            if (!failed && one != null) {
                ran.add(one);
                failed = one.outcome().isFailure();
            }
        }
        return ran;
    }

    private static Ran await(Future<Ran> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException crashed) {
            Throwable cause = crashed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    // ---- one execution ----

    /** What one execution did, kept until the loop has taken it in. */
    private record Ran(int index, Strategy strategy, Outcome outcome, Execution execution) {
        boolean abandoned() {
            return outcome instanceof Outcome.Abandoned;
        }

        long hash() {
            return execution.choiceHash();
        }

        int steps() {
            return execution.steps();
        }

        int threads() {
            return execution.threadCount();
        }
    }

    private Ran execute(TestBody body, Strategy strategy, int index, int slot) {
        Execution execution = slots.track(slot, index, newExecution(settings, strategy, settings.determinismCheck()));
        Outcome outcome = execution.run(body);
        if (settings.determinismCheck() && !outcome.isFailure() && !(outcome instanceof Outcome.Abandoned)) {
            outcome = DeterminismCheck.rerun(execution, outcome, replaying(execution.schedule(), slot, index), body);
        }
        return new Ran(index, strategy, outcome, execution);
    }

    /**
     * Replays a failing execution with recording on, which yields the step-by-step trace and checks
     * that the schedule really reproduces the failure before it is shown to anyone.
     */
    private Failure reportable(Ran failed, TestBody body) {
        Schedule schedule = failed.execution().schedule();
        Execution recorded = replaying(schedule, ownSlot, failed.index());
        Outcome replayed = recorded.run(body);
        long executionSeed = failed.strategy().executionSeed();
        if (replayed.getClass() == failed.outcome().getClass()) {
            return new Failure(failed.index(), executionSeed, replayed, schedule, recorded.trace(), recorded.steps(), null);
        }
        return new Failure(failed.index(), executionSeed, failed.outcome(), schedule, recorded.trace(), failed.steps(),
                "replaying this schedule ended differently (" + replayed.headline()
                        + "), so the program has a source of nondeterminism racetest does not control yet");
    }

    private Execution replaying(Schedule schedule, int slot, int index) {
        Strategy replay = new ReplayStrategy(schedule);
        replay.beginExecution(0);
        return slots.track(slot, index, newExecution(settings, replay, true));
    }

    static Execution newExecution(ExplorationSettings settings, Strategy strategy, boolean recording) {
        return new Execution(strategy, settings.maxSteps(), settings.executionTimeout(), settings.spuriousWakeups(),
                settings.maxStall(), settings.races(), settings.leaks(), recording);
    }

    private ExplorationResult epochResult(long start, RunStatistics statistics, ExplorationResult.StopReason stop,
                                     Optional<Failure> found) {
        Statistics figures = statistics.snapshot(settings.exhaustive(),
                stop == ExplorationResult.StopReason.EXHAUSTED ? 1.0 : Double.NaN);
        return new ExplorationResult(statistics.executions(), statistics.distinctInterleavings(), settings.seed(),
                Duration.ofNanos(System.nanoTime() - start), stop, found, figures, raceWarning)
                .withLeakWarning(leakWarning);
    }

    /** Keeps the run's first race and first leak that only warn, in execution order. */
    private void noteWarnings(Ran ran) {
        if (leakWarning.isEmpty()) {
            leakWarning = ran.execution().leakWarning();
        }
        if (raceWarning.isEmpty()) {
            raceWarning = ran.execution().raceWarning();
        }
    }
}
