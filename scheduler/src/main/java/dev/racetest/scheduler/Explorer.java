package dev.racetest.scheduler;

import dev.racetest.scheduler.runtime.ControlledThreadsUnavailableException;
import dev.racetest.scheduler.runtime.EscapedThreads;
import dev.racetest.scheduler.runtime.Execution;
import dev.racetest.scheduler.runtime.VirtualThreads;
import dev.racetest.scheduler.strategy.Strategies;
import dev.racetest.scheduler.strategy.ReplayStrategy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    // Written by the carrier, read by the watchdog.
    private volatile Execution current;
    private volatile long currentStartNanos;
    private volatile int currentIndex;

    private Explorer(ExplorationSettings settings) {
        this.settings = settings;
    }

    /**
     * Explores {@code body} as {@code settings} say.
     *
     * @throws ControlledThreadsUnavailableException when this JVM cannot run controlled threads
     */
    public static ExplorationResult explore(ExplorationSettings settings, TestBody body) {
        String unavailable = VirtualThreads.unavailableReason();
        if (unavailable != null) {
            throw new ControlledThreadsUnavailableException(unavailable);
        }
        EscapedThreads.INSTANCE.explorationStarted();
        try {
            return new Explorer(settings).exploreOnCarrier(body);
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
                Optional.of(failure));
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
            return new ExplorationResult(1, 1, settings.seed(), elapsedSince(start), ExplorationResult.StopReason.REPLAYED, failure);
        }
        Strategy strategy = Strategies.create(settings);
        Set<Long> interleavings = new HashSet<>();
        long timeBudget = settings.timeBudget().toNanos();
        int executions = 0;
        ExplorationResult.StopReason stop = ExplorationResult.StopReason.EXECUTION_BUDGET;
        while (executions < settings.maxExecutions()) {
            if (executions > 0 && System.nanoTime() - start > timeBudget) {
                stop = ExplorationResult.StopReason.TIME_BUDGET;
                break;
            }
            if (!strategy.beginExecution(executions)) {
                stop = ExplorationResult.StopReason.EXHAUSTED;
                break;
            }
            currentIndex = executions;
            Execution execution = track(newExecution(strategy, settings.determinismCheck()));
            Outcome outcome = execution.run(body);
            boolean abandoned = outcome instanceof Outcome.Abandoned;
            if (settings.determinismCheck() && !outcome.isFailure() && !abandoned) {
                outcome = DeterminismCheck.rerun(execution, outcome, newExecutionReplaying(execution.schedule()), body);
            }
            executions++;
            if (!abandoned) {
                interleavings.add(execution.choiceHash());
            }
            if (outcome.isFailure()) {
                Failure failure = reportable(executions - 1, strategy.executionSeed(), outcome, execution, body);
                return new ExplorationResult(executions, interleavings.size(), settings.seed(), elapsedSince(start),
                        ExplorationResult.StopReason.FAILURE_FOUND, Optional.of(failure));
            }
        }
        return new ExplorationResult(executions, interleavings.size(), settings.seed(), elapsedSince(start), stop, Optional.empty());
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
