package dev.racetest.engine.execution;

import dev.racetest.engine.config.RaceTestConfiguration;
import dev.racetest.engine.config.ResolvedSettings;
import dev.racetest.engine.descriptor.RaceTestMethodDescriptor;
import dev.racetest.engine.summary.RunSummary;
import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.Shard;
import dev.racetest.scheduler.Statistics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.reporting.FileEntry;

/**
 * Writes each test's {@link RunSummary} under the report directory and names the files a test's
 * run keeps there (summary, checkpoint), with a shard suffix so that the jobs of a CI matrix that
 * share a directory do not overwrite each other.
 *
 * <p>A failing run's summary also says the failure's headline ({@code failure}), the simple name of
 * its outcome ({@code failureKind}, such as {@code DataRace}), its replay token, alone
 * ({@code replayToken}) and as a {@code racetest.replay} value ({@code replay}), and where
 * {@link FailureReporter} writes its trace-event JSON ({@code traceFile}).
 */
final class Summaries {

    private final RaceTestConfiguration configuration;
    private final EngineExecutionListener listener;

    Summaries(RaceTestConfiguration configuration, EngineExecutionListener listener) {
        this.configuration = configuration;
        this.listener = listener;
    }

    /** Returns the file stem {@code <reportDir>/<class>.<method>[.shard-i-of-n]}. */
    static String stem(RaceTestMethodDescriptor test, Shard shard) {
        String base = test.testClass().getName() + "." + test.method().getName();
        return shard.isWhole() ? base : base + ".shard-" + shard.index() + "-of-" + shard.count();
    }

    /** Returns where an exhaustive run of {@code test} keeps its checkpoint. */
    Path checkpointFile(RaceTestMethodDescriptor test, Shard shard) {
        return configuration.reportDir().resolve("checkpoints").resolve(stem(test, shard) + ".state").toAbsolutePath();
    }

    /** Writes the summary of {@code result} and attaches it to the test; a write that fails is reported, not thrown. */
    void write(RaceTestMethodDescriptor test, ResolvedSettings settings, ExplorationResult result) {
        ExplorationSettings exploration = settings.exploration();
        Statistics figures = result.statistics();
        RunSummary summary = RunSummary.empty()
                .put("test", test.testClass().getName() + "#" + test.method().getName())
                .put("mode", exploration.mode().configName())
                .put("strategy", exploration.strategy().configName())
                .put("seed", String.valueOf(result.seed()))
                .put("shardIndex", exploration.shard().index())
                .put("shardCount", exploration.shard().count())
                .put("stop", result.stopReason().name().toLowerCase(java.util.Locale.ROOT))
                .put("complete", result.complete())
                .put("executions", figures.executions())
                .put("abandoned", figures.abandoned())
                .put("distinctInterleavings", figures.distinctInterleavings())
                .put("maxSteps", figures.maxSteps())
                .put("meanSteps", figures.meanSteps())
                .put("maxThreads", figures.maxThreads())
                .put("executionsPerSecond", figures.executionsPerSecond())
                .put("coveredShare", figures.coveredShare())
                .put("fractionDone", figures.fractionDone())
                .put("elapsedMillis", result.elapsed().toMillis())
                .put("failure", result.failure().map(failure -> failure.outcome().headline()).orElse(null))
                .put("failureKind", result.failure().map(failure -> failure.outcome().getClass().getSimpleName()).orElse(null))
                .put("replay", result.failure().map(failure -> test.testClass().getName() + "#"
                        + test.method().getName() + ":" + failure.schedule().token()).orElse(null))
                .put("replayToken", result.failure().map(failure -> failure.schedule().token()).orElse(null));
        try {
            summary.put("traceFile", result.failure().isPresent()
                    ? FailureReporter.traceFile(configuration, test).toString() : null);
            Path file = configuration.reportDir().resolve(stem(test, exploration.shard()) + ".json").toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, summary.toJson(), StandardCharsets.UTF_8);
            listener.fileEntryPublished(test, FileEntry.from(file, "application/json"));
        } catch (IOException | RuntimeException unwritable) {
            System.err.println("racetest: the summary of " + test.getDisplayName() + " could not be written: " + unwritable);
        }
    }
}
