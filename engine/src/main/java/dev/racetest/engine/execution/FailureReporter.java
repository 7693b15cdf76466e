package dev.racetest.engine.execution;

import dev.racetest.RaceTestConfigurationException;
import dev.racetest.RaceTestFailure;
import dev.racetest.engine.config.RaceTestConfiguration;
import dev.racetest.engine.descriptor.RaceTestMethodDescriptor;
import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.Failure;
import dev.racetest.scheduler.Outcome;
import dev.racetest.scheduler.report.FailureReport;

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
 * lines that replay the interleaving, also written to {@code <reportDir>/<class>.<method>.txt} and
 * attached to the test as a file entry.
 */
final class FailureReporter {

    private final RaceTestConfiguration configuration;
    private final EngineExecutionListener listener;

    FailureReporter(RaceTestConfiguration configuration, EngineExecutionListener listener) {
        this.configuration = configuration;
        this.listener = listener;
    }

    /** Return the failure to fail {@code test} with, after writing and attaching its report. */
    RaceTestFailure failure(RaceTestMethodDescriptor test, Failure failure, ExplorationResult result) {
        String className = test.testClass().getName();
        String methodName = test.method().getName();
        String token = failure.schedule().token();
        List<String> replayLines = replayLines(className, methodName, token);

        Path file;
        String where;
        try {
            file = configuration.reportDir().resolve(className + "." + methodName + ".txt").toAbsolutePath();
            where = "This report is also in " + file;
        } catch (RaceTestConfigurationException badDirectory) {
            file = null;
            where = "This report was not saved: " + badDirectory.getMessage();
        }
        String report = FailureReport.format(failure, result, withHeader(where, replayLines));
        if (file != null) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, report, StandardCharsets.UTF_8);
                listener.reportingEntryPublished(test, ReportEntry.from(ReportEntries.REPORT, file.toString()));
                listener.fileEntryPublished(test, FileEntry.from(file, "text/plain"));
            } catch (IOException | RuntimeException unwritable) {
                report = FailureReport.format(failure, result,
                        withHeader("This report could not be saved to " + file + ": " + unwritable, replayLines));
                file = null;
            }
        }
        Throwable cause = failure.outcome() instanceof Outcome.ThreadFailed failed ? failed.error() : null;
        return new RaceTestFailure(report, cause, token, file);
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

    private static List<String> withHeader(String header, List<String> replayLines) {
        List<String> lines = new ArrayList<>(replayLines.size() + 2);
        lines.add(header);
        lines.add("");
        lines.addAll(replayLines);
        return lines;
    }
}
