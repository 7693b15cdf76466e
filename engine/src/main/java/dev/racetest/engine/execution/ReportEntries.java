package dev.racetest.engine.execution;

import dev.racetest.engine.config.ResolvedSettings;
import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.ExplorationSettings;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Build the report entry published on every race test that ran: how much was explored, with which
 * seed and strategy, and why exploration stopped.
 */
final class ReportEntries {

    static final String EXECUTIONS = "racetest.executions";
    static final String INTERLEAVINGS = "racetest.interleavings";
    static final String SEED = "racetest.seed";
    static final String STRATEGY = "racetest.strategy";
    static final String ELAPSED = "racetest.elapsed";
    static final String STOP = "racetest.stop";
    static final String REPLAY = "racetest.replay";
    static final String REPORT = "racetest.report";

    private ReportEntries() {
    }

    /** Return the entry describing {@code result}, explored as {@code settings} say. */
    static ReportEntry of(ResolvedSettings settings, ExplorationResult result) {
        ExplorationSettings exploration = settings.exploration();
        Map<String, String> values = new LinkedHashMap<>();
        values.put(EXECUTIONS, String.valueOf(result.executions()));
        values.put(INTERLEAVINGS, String.valueOf(result.distinctInterleavings()));
        values.put(SEED, settings.randomSeed()
                ? result.seed() + " (picked at random: -Dracetest.seed=" + result.seed() + " repeats this run)"
                : String.valueOf(result.seed()));
        values.put(STRATEGY, exploration.strategy().configName());
        values.put(ELAPSED, result.elapsed().toMillis() + " ms");
        values.put(STOP, stopReason(result, exploration));
        settings.replayOrigin().ifPresent(origin -> values.put(REPLAY, "the replayed schedule (from " + origin + ") "
                + (result.failure().isPresent() ? "failed" : "passed")));
        return ReportEntry.from(values);
    }

    private static String stopReason(ExplorationResult result, ExplorationSettings settings) {
        return switch (result.stopReason()) {
            case FAILURE_FOUND -> "a failing execution was found";
            case EXECUTION_BUDGET -> "all " + settings.maxExecutions() + " executions ran (racetest.executions)";
            case TIME_BUDGET -> "the time budget of " + settings.timeBudget().toMillis() + " ms ran out (racetest.timeBudget)";
            case REPLAYED -> "one schedule was replayed";
            case EXHAUSTED -> "the strategy explored every interleaving it could";
        };
    }
}
