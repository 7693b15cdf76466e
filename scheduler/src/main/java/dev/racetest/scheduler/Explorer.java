package dev.racetest.scheduler;

import dev.racetest.scheduler.runtime.ControlledThreadsUnavailableException;
import dev.racetest.scheduler.runtime.EscapedThreads;
import dev.racetest.scheduler.runtime.Execution;
import dev.racetest.scheduler.runtime.VirtualThreads;
import dev.racetest.scheduler.strategy.Strategies;
import dev.racetest.scheduler.strategy.ReplayStrategy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Explores one test: runs executions under a strategy until a failure, the execution budget, the
 * time budget, or the strategy's end; then replays a failure once with recording on to report it.
 *
 * <p>Executions run on a dedicated carrier thread. The calling thread is the watchdog: an execution
 * whose code never reaches a scheduling point (a loop with no synchronisation in it) cannot be stopped
 * from inside, so after its wall-time bound plus a grace period the watchdog reports it as stuck and
 * abandons that carrier. The harness itself never hangs.
 */
public final class Explorer {

    private static final Duration WATCHDOG_GRACE = Duration.ofSeconds(2);

    private final ExplorationSettings settings;
    /** The test's name, for progress lines. */
    private final String name;

    // Written by the carrier, read by the watchdog.
    private volatile Execution current;
    private volatile long currentStartNanos;
    private volatile int currentIndex;

    private Explorer(ExplorationSettings settings, String name) {
        this.settings = settings;
        this.name = name;
    }

    /**
     * Explores {@code body} as {@code settings} say.
     *
     * @throws ControlledThreadsUnavailableException when this JVM cannot run controlled threads
     */
    public static ExplorationResult explore(ExplorationSettings settings, TestBody body) {
        return explore(settings, body, "test");
    }

    /**
     * Explores {@code body}, known as {@code name} in progress lines.
     *
     * @throws ControlledThreadsUnavailableException when this JVM cannot run controlled threads
     */
    public static ExplorationResult explore(ExplorationSettings settings, TestBody body, String name) {
        String unavailable = VirtualThreads.unavailableReason();
        if (unavailable != null) {
            throw new ControlledThreadsUnavailableException(unavailable);
        }
        EscapedThreads.INSTANCE.explorationStarted();
        try {
            return new Explorer(settings, name).exploreOnCarrier(body);
        } finally {
            EscapedThreads.INSTANCE.explorationEnded();
        }
    }

    private ExplorationResult exploreOnCarrier(TestBody body) {
        ExplorationResult[] result = new ExplorationResult[1];
        Throwable[] crash = new Throwable[1];
        Thread carrier = Thread.ofPlatform().name("racetest-carrier").daemon(true).unstarted(() -> {
            try {
                result[0] = runExecutions(body);
            } catch (Throwable internal) {
                crash[0] = internal;
            }
        });
        long start = System.nanoTime();
        carrier.start();
        long watchdogNanos = settings.executionTimeout().plus(WATCHDOG_GRACE).toNanos();
        try {
            while (true) {
                carrier.join(Duration.ofMillis(100));
                if (!carrier.isAlive()) {
                    break;
                }
                Execution stuck = current;
                if (stuck != null && System.nanoTime() - currentStartNanos > watchdogNanos) {
                    return abandon(stuck, start);
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("racetest was interrupted while exploring", interrupted);
        }
        if (crash[0] != null) {
            throw new IllegalStateException("racetest failed internally: " + crash[0], crash[0]);
        }
        return result[0];
    }

    private ExplorationResult abandon(Execution stuck, long start) {
        Outcome.TimedOut outcome = stuck.stuckReport();
        Schedule schedule = stuck.scheduleWhileStuck();
        Failure failure = new Failure(currentIndex, schedule.executionSeed(), outcome, schedule, List.of(), 0,
                "the execution never returned to the scheduler, so it was abandoned rather than replayed");
        int executions = currentIndex + 1;
        return new ExplorationResult(executions, executions, settings.seed(),
                Duration.ofNanos(System.nanoTime() - start), ExplorationResult.StopReason.FAILURE_FOUND,
                Optional.of(failure), Statistics.NONE);
    }

    private ExplorationResult runExecutions(TestBody body) {
        long start = System.nanoTime();
        if (settings.replay().isPresent()) {
            Schedule schedule = settings.replay().get();
            Strategy replay = new ReplayStrategy(schedule);
            replay.beginExecution(0);
            Execution execution = track(newExecution(replay, true));
            Outcome outcome = execution.run(body);
            Optional<Failure> failure = outcome.isFailure()
                    ? Optional.of(new Failure(0, schedule.executionSeed(), outcome, schedule, execution.trace(), execution.steps(), null))
                    : Optional.empty();
            RunStatistics statistics = new RunStatistics();
            statistics.executionEnded(false, execution.choiceHash(), execution.steps(), execution.threadCount());
            return new ExplorationResult(1, 1, settings.seed(), elapsedSince(start), ExplorationResult.StopReason.REPLAYED,
                    failure, statistics.snapshot(false, Double.NaN));
        }
        Strategy strategy = Strategies.create(settings);
        boolean exhaustive = settings.exhaustive();
        RunStatistics statistics = new RunStatistics();
        ProgressLine progress = new ProgressLine(name, settings.progressInterval());
        long timeBudget = settings.timeBudget().toNanos();
        ExplorationResult.StopReason stop = ExplorationResult.StopReason.EXECUTION_BUDGET;
        Optional<Failure> found = Optional.empty();
        // A sampling strategy's executions are numbered 0..maxExecutions-1 across all shards, and each
        // shard runs the ones it owns; an exhaustive strategy splits its tree by shard itself.
        for (int index = 0; ; index++) {
            if (exhaustive ? statistics.executions() >= settings.maxExecutions() : index >= settings.maxExecutions()) {
                break;
            }
            if (!exhaustive && !settings.shard().owns(index)) {
                continue;
            }
            if (statistics.executions() > 0 && System.nanoTime() - start > timeBudget) {
                stop = ExplorationResult.StopReason.TIME_BUDGET;
                break;
            }
            if (!strategy.beginExecution(index)) {
                stop = ExplorationResult.StopReason.EXHAUSTED;
                break;
            }
            currentIndex = index;
            Execution execution = track(newExecution(strategy, settings.determinismCheck()));
            Outcome outcome = execution.run(body);
            boolean abandoned = outcome instanceof Outcome.Abandoned;
            if (settings.determinismCheck() && !outcome.isFailure() && !abandoned) {
                outcome = DeterminismCheck.rerun(execution, outcome, newExecutionReplaying(execution.schedule()), body);
            }
            statistics.executionEnded(abandoned, execution.choiceHash(), execution.steps(), execution.threadCount());
            if (outcome.isFailure()) {
                found = Optional.of(reportable(index, strategy.executionSeed(), outcome, execution, body));
                stop = ExplorationResult.StopReason.FAILURE_FOUND;
                break;
            }
            progress.update(statistics.snapshot(exhaustive, Double.NaN));
        }
        progress.finish();
        Statistics figures = statistics.snapshot(exhaustive,
                stop == ExplorationResult.StopReason.EXHAUSTED ? 1.0 : Double.NaN);
        return new ExplorationResult(statistics.executions(), statistics.distinctInterleavings(), settings.seed(),
                elapsedSince(start), stop, found, figures);
    }

    /**
     * Replays a failing execution with recording on, which yields the step-by-step trace and checks
     * that the schedule really reproduces the failure before it is shown to anyone.
     */
    private Failure reportable(int index, long executionSeed, Outcome outcome, Execution failed, TestBody body) {
        Schedule schedule = failed.schedule();
        Strategy replay = new ReplayStrategy(schedule);
        replay.beginExecution(0);
        Execution recorded = track(newExecution(replay, true));
        Outcome replayed = recorded.run(body);
        if (replayed.getClass() == outcome.getClass()) {
            return new Failure(index, executionSeed, replayed, schedule, recorded.trace(), recorded.steps(), null);
        }
        return new Failure(index, executionSeed, outcome, schedule, recorded.trace(), failed.steps(),
                "replaying this schedule ended differently (" + replayed.headline()
                        + "), so the program has a source of nondeterminism racetest does not control yet");
    }

    private Execution newExecution(Strategy strategy, boolean recording) {
        return new Execution(strategy, settings.maxSteps(), settings.executionTimeout(), settings.spuriousWakeups(),
                settings.maxStall(), recording);
    }

    private Execution newExecutionReplaying(Schedule schedule) {
        Strategy replay = new ReplayStrategy(schedule);
        replay.beginExecution(0);
        return track(newExecution(replay, true));
    }

    private Execution track(Execution execution) {
        currentStartNanos = System.nanoTime();
        current = execution;
        return execution;
    }

    private static Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
