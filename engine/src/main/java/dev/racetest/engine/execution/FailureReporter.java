package dev.racetest.engine.execution;

import dev.racetest.RaceTestConfigurationException;
import dev.racetest.RaceTestFailure;
import dev.racetest.engine.config.RaceTestConfiguration;
import dev.racetest.engine.descriptor.RaceTestMethodDescriptor;
import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.Failure;
import dev.racetest.scheduler.Outcome;
import dev.racetest.scheduler.report.FailureReport;
import dev.racetest.scheduler.report.TraceEvents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Turn a failing exploration into a {@link RaceTestFailure}: the scheduler's report followed by the
 * lines that replay the interleaving, also written to {@code <reportDir>/<class>.<method>.txt}; the
 * whole trace as trace-event JSON for https://ui.perfetto.dev goes to
 * {@code <reportDir>/<class>.<method>.trace.json}. Both are attached to the test as file entries.
 */
final class FailureReporter {

    private final RaceTestConfiguration configuration;
    private final EngineExecutionListener listener;

    FailureReporter(RaceTestConfiguration configuration, EngineExecutionListener listener) {
        this.configuration = configuration;
        this.listener = listener;
    }

    /** Return the failure to fail {@code test} with, after writing and attaching its report and trace. */
    RaceTestFailure failure(RaceTestMethodDescriptor test, Failure failure, ExplorationResult result) {
        String className = test.testClass().getName();
        String methodName = test.method().getName();
        String token = failure.schedule().token();
        List<String> replayLines = replayLines(className, methodName, token);

        Path file;
        List<String> where = new ArrayList<>(2);
        try {
            file = reportFile(configuration, test);
            where.add("This report is also in " + file);
        } catch (RaceTestConfigurationException badDirectory) {
            file = null;
            where.add("This report was not saved: " + badDirectory.getMessage());
        }
        if (file != null) {
            Path trace = traceFile(configuration, test);
            try {
                Files.createDirectories(trace.getParent());
                Files.writeString(trace, TraceEvents.json(failure, className + "#" + methodName), StandardCharsets.UTF_8);
                listener.fileEntryPublished(test, FileEntry.from(trace, "application/json"));
                where.add("The whole trace, one track per thread, is in " + trace + "; open it at https://ui.perfetto.dev");
            } catch (IOException | RuntimeException unwritable) {
                where.add("The trace could not be saved to " + trace + ": " + unwritable);
            }
        }
        String report = FailureReport.format(failure, result, withHeader(where, replayLines));
        if (file != null) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, report, StandardCharsets.UTF_8);
                listener.reportingEntryPublished(test, ReportEntry.from(ReportEntries.REPORT, file.toString()));
                listener.fileEntryPublished(test, FileEntry.from(file, "text/plain"));
            } catch (IOException | RuntimeException unwritable) {
                where.set(0, "This report could not be saved to " + file + ": " + unwritable);
                report = FailureReport.format(failure, result, withHeader(where, replayLines));
                file = null;
            }
        }
        Throwable cause = failure.outcome() instanceof Outcome.ThreadFailed failed ? failed.error() : null;
        return new RaceTestFailure(report, cause, token, file);
    }

    /** Returns {@code <reportDir>/<class>.<method>.txt}, where the text report of {@code test} goes. */
    static Path reportFile(RaceTestConfiguration configuration, RaceTestMethodDescriptor test) {
        return configuration.reportDir().resolve(stem(test) + ".txt").toAbsolutePath();
    }

    /**
     * Returns {@code <reportDir>/<class>.<method>.trace.json}, where the trace-event JSON of a failure
     * of {@code test} goes.
     *
     * @throws RaceTestConfigurationException when the report directory is not a valid path
     */
    static Path traceFile(RaceTestConfiguration configuration, RaceTestMethodDescriptor test) {
        return configuration.reportDir().resolve(stem(test) + ".trace.json").toAbsolutePath();
    }

    private static String stem(RaceTestMethodDescriptor test) {
        return test.testClass().getName() + "." + test.method().getName();
    }

    /**
     * Return the lines that end every failure report. A class name with {@code $} (a nested class)
     * is quoted on the Maven line, where a shell would otherwise expand it.
     */
    static List<String> replayLines(String className, String methodName, String token) {
        String replayProperty = "-D" + RaceTestConfiguration.REPLAY + "=" + className + "#" + methodName + ":" + token;
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        String shellProperty = className.contains("$") ? "'" + replayProperty + "'" : replayProperty;
        return List.of(
                "Replay exactly this interleaving (it fails in execution 1):",
                "  " + replayProperty,
                "  e.g. mvn test -Dtest='" + simpleName + "#" + methodName + "' " + shellProperty,
                "  or pin it in the test: @RaceTest(replay = \"" + token + "\")");
    }

    private static List<String> withHeader(List<String> header, List<String> replayLines) {
        List<String> lines = new ArrayList<>(replayLines.size() + header.size() + 1);
        lines.addAll(header);
        lines.add("");
        lines.addAll(replayLines);
        return lines;
    }
}
