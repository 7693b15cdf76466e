package dev.racetest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Shortcuts for running the racetest engine in tests, isolated from the JVM's system properties. */
final class RaceTestKit {

    private RaceTestKit() {
    }

    /**
     * Return a kit for the racetest engine that ignores {@code -D} properties and writes reports to
     * {@code reportDir}, and its failure database under it, so no test replays another's failures.
     */
    static EngineTestKit.Builder racetest(Path reportDir) {
        return EngineTestKit.engine(new RaceTestEngine())
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("racetest.reportDir", reportDir.toString())
                .configurationParameter("racetest.failures.dir", reportDir.resolve("failures").toString());
    }

    /** Return what the only failed test of {@code results} failed with. */
    static Throwable onlyFailure(EngineExecutionResults results) {
        List<Throwable> failures = results.testEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .toList();
        assertThat(failures).hasSize(1);
        return failures.getFirst();
    }

    /** Return the failure of the test whose display name is {@code displayName}. */
    static Throwable failureOf(EngineExecutionResults results, String displayName) {
        return results.testEvents().failed().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().equals(displayName))
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no failed test named " + displayName));
    }

    /** Return every report entry published on a test, merged into one map. */
    static Map<String, String> reportEntries(EngineExecutionResults results) {
        Map<String, String> entries = new LinkedHashMap<>();
        results.allEvents().reportingEntryPublished().stream()
                .filter(event -> event.getTestDescriptor().getType() == TestDescriptor.Type.TEST)
                .map(event -> event.getRequiredPayload(ReportEntry.class))
                .forEach(entry -> entries.putAll(entry.getKeyValuePairs()));
        return entries;
    }

    /** Return the events of the given type's payload, for assertions on file entries. */
    static <T> List<T> payloads(List<Event> events, Class<T> type) {
        return events.stream().map(event -> event.getRequiredPayload(type)).toList();
    }
}
