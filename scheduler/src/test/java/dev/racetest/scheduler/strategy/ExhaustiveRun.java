package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.NoRaces;
import dev.racetest.scheduler.Outcome;
import dev.racetest.scheduler.TestBody;
import dev.racetest.scheduler.runtime.Execution;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Runs an exhaustive strategy to its end (or a budget) with its own execution loop, as Explorer does,
 * but going on past failures and collecting the trace fingerprint of every counted execution.
 */
final class ExhaustiveRun {

    final Set<Long> traces = new HashSet<>();
    final Set<Long> failingTraces = new HashSet<>();
    int executions;
    int counted;

    private ExhaustiveRun() {
    }

    static ExhaustiveRun of(ExhaustiveStrategy strategy, TestBody body) {
        return of(strategy, body, 100_000);
    }

    /** Runs at most {@code budget} executions. */
    static ExhaustiveRun of(ExhaustiveStrategy strategy, TestBody body, int budget) {
        ExhaustiveRun run = new ExhaustiveRun();
        run.continueWith(strategy, body, budget);
        return run;
    }

    void continueWith(ExhaustiveStrategy strategy, TestBody body, int budget) {
        for (int i = 0; i < budget && strategy.beginExecution(executions); i++) {
            Outcome outcome = new Execution(strategy, 10_000, Duration.ofSeconds(20), 0, Duration.ofSeconds(1), NoRaces.OFF, false)
                    .run(body);
            executions++;
            if (strategy.lastExecutionCounts()) {
                counted++;
                long trace = strategy.lastTraceFingerprint().orElseThrow();
                traces.add(trace);
                if (outcome.isFailure()) {
                    failingTraces.add(trace);
                }
            }
        }
    }
}
