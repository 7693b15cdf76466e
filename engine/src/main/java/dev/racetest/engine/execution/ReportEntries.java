package dev.racetest.engine.execution;

import dev.racetest.engine.config.ResolvedSettings;
import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.Statistics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Build the report entry published on every race test that ran: how much was explored, with which
 * seed and strategy, and why exploration stopped; with {@code racetest.races=warn}, the run's first
 * data race, and with {@code racetest.leaks=warn} its first leaked thread: the warnings those modes give
 * instead of a failure.
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
    static final String MODE = "racetest.mode";
    static final String SHARD = "racetest.shard";
    static final String STEPS = "racetest.steps";
    static final String THREADS = "racetest.threads";
    static final String RATE = "racetest.executionsPerSecond";
    static final String COVERAGE = "racetest.coverage";
    static final String RACE_WARNING = "racetest.raceWarning";
    static final String LEAK_WARNING = "racetest.leakWarning";

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
        values.put(MODE, exploration.mode().configName());
        if (!exploration.shard().isWhole()) {
            values.put(SHARD, exploration.shard().toString());
        }
        values.put(ELAPSED, result.elapsed().toMillis() + " ms");
        Statistics figures = result.statistics();
        values.put(STEPS, String.format(Locale.ROOT, "max %d, mean %.1f", figures.maxSteps(), figures.meanSteps()));
        values.put(THREADS, "max " + figures.maxThreads());
        values.put(RATE, String.format(Locale.ROOT, "%.0f", figures.executionsPerSecond()));
        coverage(figures).ifPresent(text -> values.put(COVERAGE, text));
        values.put(STOP, stopReason(result, exploration));
        settings.replayOrigin().ifPresent(origin -> values.put(REPLAY, "the replayed schedule (from " + origin + ") "
                + (result.failure().isPresent() ? "failed" : "passed")));
        result.raceWarning().ifPresent(race -> values.put(RACE_WARNING, race.headline()
                + " (reported, not failed, because racetest.races=warn)"));
        result.leakWarning().ifPresent(leak -> values.put(LEAK_WARNING, leak.headline()
                + " (reported, not failed, because racetest.leaks=warn)"));
        return ReportEntry.from(values);
    }

    private static Optional<String> coverage(Statistics figures) {
        if (!Double.isNaN(figures.fractionDone())) {
            return Optional.of(String.format(Locale.ROOT, "about %.1f%% of the interleavings explored",
                    100 * figures.fractionDone()));
        }
        if (!Double.isNaN(figures.coveredShare())) {
            return Optional.of(String.format(Locale.ROOT, "%.1f%% (Good-Turing estimate of the chance that the next"
                    + " execution repeats an interleaving already seen)", 100 * figures.coveredShare()));
        }
        return Optional.empty();
    }

    private static String stopReason(ExplorationResult result, ExplorationSettings settings) {
        String budgetEnded = settings.exhaustive()
                ? "; explored " + result.statistics().distinctInterleavings() + " distinct interleavings so far"
                + (Double.isNaN(result.statistics().fractionDone()) ? ""
                : String.format(Locale.ROOT, " (about %.1f%% of them)", 100 * result.statistics().fractionDone()))
                : "";
        return switch (result.stopReason()) {
            case FAILURE_FOUND -> "a failing execution was found";
            case EXECUTION_BUDGET -> "all " + settings.maxExecutions() + " executions ran (racetest.executions)" + budgetEnded;
            case TIME_BUDGET -> "the time budget of " + settings.timeBudget().toMillis() + " ms ran out (racetest.timeBudget)"
                    + budgetEnded;
            case REPLAYED -> settings.replay().isPresent() ? "one schedule was replayed"
                    : "only stored failing schedules were replayed (racetest.failures=replay-only)";
            case EXHAUSTED -> settings.exhaustive()
                    ? "complete: " + result.distinctInterleavings() + " interleavings, no failure"
                    + (settings.shard().isWhole() ? "" : " (in shard " + settings.shard() + ")")
                    : "the strategy explored every interleaving it could";
        };
    }
}
