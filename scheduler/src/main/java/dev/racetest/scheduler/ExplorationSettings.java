package dev.racetest.scheduler;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one test is explored: which strategy, how many executions, and the bounds that keep every
 * execution finite.
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
 */
public record ExplorationSettings(long seed, int maxExecutions, Duration timeBudget, int maxSteps,
                                  Duration executionTimeout, StrategyKind strategy,
                                  Optional<Schedule> replay, int spuriousWakeups, boolean determinismCheck,
                                  Duration maxStall) {

    /** The seed used when none is configured: runs are reproducible by default. */
    public static final long DEFAULT_SEED = 0x5EED_2026L;

    public ExplorationSettings {
        Objects.requireNonNull(timeBudget, "timeBudget must not be null");
        Objects.requireNonNull(executionTimeout, "executionTimeout must not be null");
        Objects.requireNonNull(strategy, "strategy must not be null");
        Objects.requireNonNull(replay, "replay must not be null");
        if (maxExecutions < 1) {
            throw new IllegalArgumentException("maxExecutions must be at least 1, but was " + maxExecutions);
        }
        Objects.requireNonNull(maxStall, "maxStall must not be null");
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
    }

    /** Returns the settings a {@code @RaceTest} gets when nothing is configured. */
    public static ExplorationSettings defaults() {
        return new ExplorationSettings(DEFAULT_SEED, 1_000, Duration.ofSeconds(10), 100_000,
                Duration.ofSeconds(10), StrategyKind.RANDOM, Optional.empty(), 1, false,
                Duration.ofSeconds(1));
    }

    public ExplorationSettings withSeed(long newSeed) {
        return new ExplorationSettings(newSeed, maxExecutions, timeBudget, maxSteps, executionTimeout, strategy, replay, spuriousWakeups, determinismCheck, maxStall);
    }

    public ExplorationSettings withMaxExecutions(int newMaxExecutions) {
        return new ExplorationSettings(seed, newMaxExecutions, timeBudget, maxSteps, executionTimeout, strategy, replay, spuriousWakeups, determinismCheck, maxStall);
    }

    public ExplorationSettings withTimeBudget(Duration newTimeBudget) {
        return new ExplorationSettings(seed, maxExecutions, newTimeBudget, maxSteps, executionTimeout, strategy, replay, spuriousWakeups, determinismCheck, maxStall);
    }

    public ExplorationSettings withMaxSteps(int newMaxSteps) {
        return new ExplorationSettings(seed, maxExecutions, timeBudget, newMaxSteps, executionTimeout, strategy, replay, spuriousWakeups, determinismCheck, maxStall);
    }

    public ExplorationSettings withExecutionTimeout(Duration newTimeout) {
        return new ExplorationSettings(seed, maxExecutions, timeBudget, maxSteps, newTimeout, strategy, replay, spuriousWakeups, determinismCheck, maxStall);
    }

    public ExplorationSettings withStrategy(StrategyKind newStrategy) {
        return new ExplorationSettings(seed, maxExecutions, timeBudget, maxSteps, executionTimeout, newStrategy, replay, spuriousWakeups, determinismCheck, maxStall);
    }

    public ExplorationSettings withReplay(Schedule schedule) {
        return new ExplorationSettings(seed, maxExecutions, timeBudget, maxSteps, executionTimeout, strategy,
                Optional.of(schedule), spuriousWakeups, determinismCheck, maxStall);
    }

    public ExplorationSettings withSpuriousWakeups(int newSpuriousWakeups) {
        return new ExplorationSettings(seed, maxExecutions, timeBudget, maxSteps, executionTimeout, strategy, replay,
                newSpuriousWakeups, determinismCheck, maxStall);
    }

    public ExplorationSettings withDeterminismCheck(boolean check) {
        return new ExplorationSettings(seed, maxExecutions, timeBudget, maxSteps, executionTimeout, strategy, replay,
                spuriousWakeups, check, maxStall);
    }

    public ExplorationSettings withMaxStall(Duration newMaxStall) {
        return new ExplorationSettings(seed, maxExecutions, timeBudget, maxSteps, executionTimeout, strategy, replay,
                spuriousWakeups, determinismCheck, newMaxStall);
    }
}
