package dev.racetest.scheduler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one test is explored: which strategy, how many executions, the bounds that keep every
 * execution finite, and how the work is split and kept.
 *
 * @param seed              the run's seed; execution {@code i} uses {@link Seeds#executionSeed(long, int)}
 * @param maxExecutions     stop after this many executions (at least 1)
 * @param timeBudget        stop starting new executions once this much wall time has passed
 * @param maxSteps          an execution that takes more scheduling steps than this fails as a livelock
 * @param executionTimeout  an execution that runs longer than this wall time fails as stuck
 * @param strategy          how the next thread is chosen
 * @param replay            when present, run exactly this schedule once instead of exploring
 * @param spuriousWakeups   how many spurious wake-ups (of {@code wait}, {@code park}, {@code await}) one
 *                          execution may have; 0 turns them off
 * @param determinismCheck  run every schedule twice and fail when the two runs differ
 * @param maxStall          how far ahead on the virtual clock a timeout may expire while other threads
 *                          could still run (a machine stalling that long); zero: only when none can
 * @param mode              the mode the budgets and strategy came from, for reports
 * @param pctDepth          the bug depth PCT targets (at least 1)
 * @param preemptionBound   for DFS and DPOR: at most this many preemptions per execution (at least 1); -1: unbounded
 * @param shard             the part of the space this run explores, for a sharded nightly job
 * @param checkpoint        where an exhaustive run keeps its state, to resume after an interruption
 * @param progressInterval  how often a long run prints a progress line; zero: never
 * @param parallelism       how many executions may run at once, each on its own carrier thread (for
 *                          strategies that can {@linkplain Strategy#fork() fork}); the results do not depend on it.
 *                          1 by default: executions running at once can block each other inside the JDK (class
 *                          loading, shared caches), which a waiting execution cannot tell from a deadlock there
 *                          once its short grace has passed; so several carriers are opt-in for now
 * @param races             whether a data race fails the test, only warns, or is not looked for, and
 *                          which fields' races are benign
 * @param leaks             whether threads the test body left behind, which can never end, fail the test,
 *                          only warn, or are not reported
 * @param stored            failing schedules remembered from earlier runs, replayed as the first executions
 *                          before the strategy's own (and, when they say so, instead of them); ignored by a
 *                          {@code replay}
 */
public record ExplorationSettings(long seed, int maxExecutions, Duration timeBudget, int maxSteps,
                                  Duration executionTimeout, StrategyKind strategy,
                                  Optional<Schedule> replay, int spuriousWakeups, boolean determinismCheck,
                                  Duration maxStall, Mode mode, int pctDepth, int preemptionBound, Shard shard,
                                  Optional<Path> checkpoint, Duration progressInterval, int parallelism,
                                  RaceDetection races, LeakMode leaks,
                                  StoredSchedules stored) {

    /** The seed used when none is configured: runs are reproducible by default. */
    public static final long DEFAULT_SEED = 0x5EED_2026L;

    public ExplorationSettings {
        Objects.requireNonNull(timeBudget, "timeBudget must not be null");
        Objects.requireNonNull(executionTimeout, "executionTimeout must not be null");
        Objects.requireNonNull(strategy, "strategy must not be null");
        Objects.requireNonNull(replay, "replay must not be null");
        Objects.requireNonNull(mode, "mode must not be null");
        Objects.requireNonNull(shard, "shard must not be null");
        Objects.requireNonNull(checkpoint, "checkpoint must not be null");
        Objects.requireNonNull(progressInterval, "progressInterval must not be null");
        Objects.requireNonNull(races, "races must not be null");
        Objects.requireNonNull(leaks, "leaks must not be null");
        Objects.requireNonNull(stored, "stored must not be null");
        if (maxExecutions < 1) {
            throw new IllegalArgumentException("maxExecutions must be at least 1, but was " + maxExecutions);
        }
        Objects.requireNonNull(maxStall, "maxStall must not be null");
        Objects.requireNonNull(races, "races must not be null");
        if (maxStall.isNegative()) {
            throw new IllegalArgumentException("maxStall must not be negative, but was " + maxStall);
        }
        if (spuriousWakeups < 0) {
            throw new IllegalArgumentException("spuriousWakeups must not be negative, but was " + spuriousWakeups);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, but was " + maxSteps);
        }
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive, but was " + timeBudget);
        }
        if (executionTimeout.isNegative() || executionTimeout.isZero()) {
            throw new IllegalArgumentException("executionTimeout must be positive, but was " + executionTimeout);
        }
        if (pctDepth < 1) {
            throw new IllegalArgumentException("pctDepth must be at least 1, but was " + pctDepth);
        }
        if (preemptionBound < -1 || preemptionBound == 0) {
            throw new IllegalArgumentException("preemptionBound must be -1 (unbounded) or at least 1, but was " + preemptionBound);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, but was " + parallelism);
        }
        if (progressInterval.isNegative()) {
            throw new IllegalArgumentException("progressInterval must not be negative, but was " + progressInterval);
        }
    }

    /** Returns the settings a {@code @RaceTest} gets when nothing is configured: {@link Mode#QUICK}. */
    public static ExplorationSettings defaults() {
        return new ExplorationSettings(DEFAULT_SEED, Mode.QUICK.executions(), Mode.QUICK.timeBudget(), 100_000,
                Duration.ofSeconds(10), Mode.QUICK.strategy(), Optional.empty(), 1, false,
                Duration.ofSeconds(1), Mode.QUICK, 3, -1, Shard.WHOLE, Optional.empty(), Duration.ofSeconds(10),
                1, RaceDetection.defaults(), LeakMode.FAIL,
                StoredSchedules.NONE);
    }

    /** Returns whether the strategy explores every interleaving, so that an exhausted run is a proof. */
    public boolean exhaustive() {
        return strategy.isExhaustive();
    }

    public ExplorationSettings withSeed(long newSeed) {
        return copy().seed(newSeed).build();
    }

    public ExplorationSettings withMaxExecutions(int newMaxExecutions) {
        return copy().maxExecutions(newMaxExecutions).build();
    }

    public ExplorationSettings withTimeBudget(Duration newTimeBudget) {
        return copy().timeBudget(newTimeBudget).build();
    }

    public ExplorationSettings withMaxSteps(int newMaxSteps) {
        return copy().maxSteps(newMaxSteps).build();
    }

    public ExplorationSettings withExecutionTimeout(Duration newTimeout) {
        return copy().executionTimeout(newTimeout).build();
    }

    public ExplorationSettings withStrategy(StrategyKind newStrategy) {
        return copy().strategy(newStrategy).build();
    }

    public ExplorationSettings withReplay(Schedule schedule) {
        return copy().replay(Optional.of(schedule)).build();
    }

    public ExplorationSettings withSpuriousWakeups(int newSpuriousWakeups) {
        return copy().spuriousWakeups(newSpuriousWakeups).build();
    }

    public ExplorationSettings withDeterminismCheck(boolean check) {
        return copy().determinismCheck(check).build();
    }

    public ExplorationSettings withMaxStall(Duration newMaxStall) {
        return copy().maxStall(newMaxStall).build();
    }

    /** Returns these settings with {@code newMode} recorded and its strategy and budgets applied. */
    public ExplorationSettings withMode(Mode newMode) {
        return copy().mode(newMode).strategy(newMode.strategy()).maxExecutions(newMode.executions())
                .timeBudget(newMode.timeBudget()).build();
    }

    public ExplorationSettings withPctDepth(int depth) {
        return copy().pctDepth(depth).build();
    }

    public ExplorationSettings withPreemptionBound(int bound) {
        return copy().preemptionBound(bound).build();
    }

    public ExplorationSettings withShard(Shard newShard) {
        return copy().shard(newShard).build();
    }

    public ExplorationSettings withCheckpoint(Path file) {
        return copy().checkpoint(Optional.of(file)).build();
    }

    public ExplorationSettings withProgressInterval(Duration interval) {
        return copy().progressInterval(interval).build();
    }

    public ExplorationSettings withParallelism(int carriers) {
        return copy().parallelism(carriers).build();
    }

    public ExplorationSettings withRaces(RaceDetection newRaces) {
        return copy().races(newRaces).build();
    }

    /** Returns these settings with {@code newLeaks} as what leaked threads do. */
    public ExplorationSettings withLeaks(LeakMode newLeaks) {
        return copy().leaks(newLeaks).build();
    }

    /** Returns these settings replaying {@code schedules} first, then exploring only if {@code thenExplore}. */
    public ExplorationSettings withStoredSchedules(java.util.List<Schedule> schedules, boolean thenExplore) {
        return copy().stored(new StoredSchedules(schedules, thenExplore)).build();
    }

    private Copy copy() {
        return new Copy(this);
    }

    /** A mutable copy, so each {@code with} method names only what it changes. */
    private static final class Copy {
        private long seed;
        private int maxExecutions;
        private Duration timeBudget;
        private int maxSteps;
        private Duration executionTimeout;
        private StrategyKind strategy;
        private Optional<Schedule> replay;
        private int spuriousWakeups;
        private boolean determinismCheck;
        private Duration maxStall;
        private Mode mode;
        private int pctDepth;
        private int preemptionBound;
        private Shard shard;
        private Optional<Path> checkpoint;
        private Duration progressInterval;
        private int parallelism;
        private RaceDetection races;
        private LeakMode leaks;
        private StoredSchedules stored;

        Copy(ExplorationSettings from) {
            seed = from.seed;
            maxExecutions = from.maxExecutions;
            timeBudget = from.timeBudget;
            maxSteps = from.maxSteps;
            executionTimeout = from.executionTimeout;
            strategy = from.strategy;
            replay = from.replay;
            spuriousWakeups = from.spuriousWakeups;
            determinismCheck = from.determinismCheck;
            maxStall = from.maxStall;
            mode = from.mode;
            pctDepth = from.pctDepth;
            preemptionBound = from.preemptionBound;
            shard = from.shard;
            checkpoint = from.checkpoint;
            progressInterval = from.progressInterval;
            parallelism = from.parallelism;
            races = from.races;
            leaks = from.leaks;
            stored = from.stored;
        }

        Copy seed(long value) { seed = value; return this; }
        Copy maxExecutions(int value) { maxExecutions = value; return this; }
        Copy timeBudget(Duration value) { timeBudget = value; return this; }
        Copy maxSteps(int value) { maxSteps = value; return this; }
        Copy executionTimeout(Duration value) { executionTimeout = value; return this; }
        Copy strategy(StrategyKind value) { strategy = value; return this; }
        Copy replay(Optional<Schedule> value) { replay = value; return this; }
        Copy spuriousWakeups(int value) { spuriousWakeups = value; return this; }
        Copy determinismCheck(boolean value) { determinismCheck = value; return this; }
        Copy maxStall(Duration value) { maxStall = value; return this; }
        Copy mode(Mode value) { mode = value; return this; }
        Copy pctDepth(int value) { pctDepth = value; return this; }
        Copy preemptionBound(int value) { preemptionBound = value; return this; }
        Copy shard(Shard value) { shard = value; return this; }
        Copy checkpoint(Optional<Path> value) { checkpoint = value; return this; }
        Copy progressInterval(Duration value) { progressInterval = value; return this; }
        Copy parallelism(int value) { parallelism = value; return this; }
        Copy races(RaceDetection value) { races = value; return this; }
        Copy leaks(LeakMode value) { leaks = value; return this; }
        Copy stored(StoredSchedules value) { stored = value; return this; }

        ExplorationSettings build() {
            return new ExplorationSettings(seed, maxExecutions, timeBudget, maxSteps, executionTimeout, strategy,
                    replay, spuriousWakeups, determinismCheck, maxStall, mode, pctDepth, preemptionBound, shard,
                    checkpoint, progressInterval, parallelism, races, leaks,
                    stored);
        }
    }
}
