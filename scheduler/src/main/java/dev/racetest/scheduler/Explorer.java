package dev.racetest.scheduler;

import dev.racetest.scheduler.runtime.ControlledThreadsUnavailableException;
import dev.racetest.scheduler.runtime.EscapedThreads;
import dev.racetest.scheduler.runtime.Execution;
import dev.racetest.scheduler.runtime.VirtualThreads;
import dev.racetest.scheduler.strategy.ReplayStrategy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Explores one test: runs executions under a strategy until a failure, the execution budget, the
 * time budget, or the strategy's end; then replays a failure once with recording on to report it.
 *
 * <p>Executions run on dedicated carrier threads ({@link ExecutionLoop}). The calling thread is the
 * watchdog: an execution whose code never reaches a scheduling point (a loop with no synchronisation
 * in it) cannot be stopped from inside, so after its wall-time bound plus a grace period the watchdog
 * reports it as stuck and abandons that carrier. The harness itself never hangs.
 */
public final class Explorer {

    private static final Duration WATCHDOG_GRACE = Duration.ofSeconds(2);

    private final ExplorationSettings settings;
    /** The test's name, for progress lines. */
    private final String name;

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
            return new Explorer(settings, name).exploreOnCarriers(body);
        } finally {
            EscapedThreads.INSTANCE.explorationEnded();
        }
    }

    private ExplorationResult exploreOnCarriers(TestBody body) {
        ExplorationResult[] result = new ExplorationResult[1];
        Throwable[] crash = new Throwable[1];
        // One slot per carrier that may run executions at once, plus one for the thread that runs the loop.
        CarrierSlots slots = new CarrierSlots(settings.parallelism() + 1);
        ExecutionLoop loop = new ExecutionLoop(settings, name, slots);
        Thread carrier = Thread.ofPlatform().name("racetest-carrier").daemon(true).unstarted(() -> {
            try {
                result[0] = settings.replay().isPresent() ? replay(body, slots) : loop.run(body);
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
                int stuck = slots.stuck(watchdogNanos);
                if (stuck >= 0) {
                    loop.stop();
                    return abandon(slots.execution(stuck), slots.index(stuck), start).withStoredReplays(loop.storedReplays());
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            loop.stop();
            throw new IllegalStateException("racetest was interrupted while exploring", interrupted);
        }
        if (crash[0] != null) {
            throw new IllegalStateException("racetest failed internally: " + crash[0], crash[0]);
        }
        return result[0];
    }

    private ExplorationResult abandon(Execution stuck, int index, long start) {
        Outcome.TimedOut outcome = stuck.stuckReport();
        Schedule schedule = stuck.scheduleWhileStuck();
        Failure failure = new Failure(index, schedule.executionSeed(), outcome, schedule, List.of(), 0,
                "the execution never returned to the scheduler, so it was abandoned rather than replayed");
        int executions = index + 1;
        return new ExplorationResult(executions, executions, settings.seed(),
                Duration.ofNanos(System.nanoTime() - start), ExplorationResult.StopReason.FAILURE_FOUND,
                Optional.of(failure), Statistics.NONE);
    }

    private ExplorationResult replay(TestBody body, CarrierSlots slots) {
        long start = System.nanoTime();
        Schedule schedule = settings.replay().orElseThrow();
        Strategy replay = new ReplayStrategy(schedule);
        replay.beginExecution(0);
        Execution execution = slots.track(0, 0, ExecutionLoop.newExecution(settings, replay, true));
        Outcome outcome = execution.run(body);
        Optional<Failure> failure = outcome.isFailure()
                ? Optional.of(new Failure(0, schedule.executionSeed(), outcome, schedule, execution.trace(), execution.steps(), null))
                : Optional.empty();
        RunStatistics statistics = new RunStatistics();
        statistics.executionEnded(false, execution.choiceHash(), execution.steps(), execution.threadCount());
        return new ExplorationResult(1, 1, settings.seed(), Duration.ofNanos(System.nanoTime() - start),
                ExplorationResult.StopReason.REPLAYED, failure, statistics.snapshot(false, Double.NaN))
                .withRaceWarning(execution.raceWarning()).withLeakWarning(execution.leakWarning());
    }
}
