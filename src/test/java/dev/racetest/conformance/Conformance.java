package dev.racetest.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Run one conformance program (a {@code *Fixture} class with a single {@code @RaceTest} method)
 * through the racetest engine and check its verdict.
 *
 * <p>Runs ignore {@code -D} system properties, so a developer's {@code -Dracetest.seed=random} or
 * {@code -Dracetest.executions=...} cannot change what the suite asserts: every program is explored
 * with the seed and budget its annotation gives.
 *
 * <p>A program's documented bug is looked for with race detection off ({@code racetest.races=off},
 * unless the configuration says otherwise): many of these bugs are unsynchronised fields, which the
 * detector would report at their first unordered access, while what this suite checks is how each sync
 * point is scheduled, through the verdict the bug ends in. Must-pass programs run with the default
 * ({@code fail}), so each of them also checks that the detector raises no false alarm.
 */
public final class Conformance {

    /** The smallest number of executions a must-pass program has to run without a failure. */
    public static final int MUST_PASS_EXECUTIONS = 10_000;

    /**
     * The configuration that takes spurious wake-ups away, to show that a program fails only through one
     * (it then passes) or through something else (it still fails).
     */
    public static final Map<String, String> NO_SPURIOUS_WAKEUPS = Map.of("racetest.spuriousWakeups", "0");

    private static final String ENGINE = "racetest";
    private static final String PREFIX = "racetest found a failure: ";
    private static final String REPLAY_OPTION = "-Dracetest.replay=";

    private Conformance() {
    }

    /** Return the report of the one failing execution {@code fixture} must have, checking nothing else failed. */
    public static String failureOf(Class<?> fixture) {
        return failureOf(fixture, Map.of());
    }

    /** Like {@link #failureOf(Class)}, with racetest configuration parameters such as {@link #NO_SPURIOUS_WAKEUPS}. */
    public static String failureOf(Class<?> fixture, Map<String, String> configuration) {
        EngineExecutionResults results = run(fixture, withoutRaceDetection(configuration));
        List<String> messages = failureMessages(results);
        assertThat(messages).as("failures of %s (entries: %s)", fixture.getSimpleName(), reportEntries(results)).hasSize(1);
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String message = messages.getFirst();
        assertThat(message).as("report of %s", fixture.getSimpleName()).startsWith(PREFIX);
        return message;
    }

    /** Return the verdict of a report: its first line without the {@code racetest found a failure: } prefix. */
    public static String verdict(String report) {
        String headline = report.lines().findFirst().orElse("");
        return headline.startsWith(PREFIX) ? headline.substring(PREFIX.length()) : headline;
    }

    /**
     * Replay the interleaving {@code report} ends with and check it fails with the same headline: the
     * schedule (with the time, randomness and identity it decided) is all a failure depends on.
     */
    public static void assertReplayReproduces(Class<?> fixture, String report) {
        assertReplayReproduces(fixture, report, Map.of());
    }

    /** Like {@link #assertReplayReproduces(Class, String)}, for a report found with {@code configuration}. */
    public static void assertReplayReproduces(Class<?> fixture, String report, Map<String, String> configuration) {
        assertThat(verdict(replayed(fixture, report, configuration))).as("verdict when replaying").isEqualTo(verdict(report));
    }

    /**
     * Like {@link #assertReplayReproduces}, for a verdict that quotes what JDK code prints, such as
     * {@code ThreadPoolExecutor@1b6d3586}: the JDK's own {@code Object.toString()} is not instrumented,
     * so such identity hashes differ between runs and are compared as placeholders.
     */
    public static void assertReplayReproducesIgnoringIdentityHashes(Class<?> fixture, String report) {
        String expected = withoutIdentityHashes(verdict(report));
        String actual = withoutIdentityHashes(verdict(replayed(fixture, report, Map.of())));
        // A long headline is cut short with "...", and where depends on how many digits the hashes had.
        if (expected.endsWith("...") || actual.endsWith("...")) {
            int common = Math.min(expected.length(), actual.length()) - "...".length();
            expected = expected.substring(0, common);
            actual = actual.substring(0, common);
        }
        assertThat(actual).as("verdict when replaying").isEqualTo(expected);
    }

    private static String withoutIdentityHashes(String text) {
        return text.replaceAll("@[0-9a-f]+", "@hash").replaceAll("\\$\\$Lambda/0x[0-9a-f]+", "\\$\\$Lambda");
    }

    private static String replayed(Class<?> fixture, String report, Map<String, String> configuration) {
        String replay = report.lines().map(String::strip)
                .filter(line -> line.startsWith(REPLAY_OPTION))
                .map(line -> line.substring(REPLAY_OPTION.length()))
                .findFirst().orElseThrow(() -> new AssertionError("no replay line in:\n" + report));
        assertThat(replay).startsWith(fixture.getName() + "#");
        Map<String, String> replaying = new LinkedHashMap<>(configuration);
        replaying.put("racetest.replay", replay);
        EngineExecutionResults results = run(fixture, withoutRaceDetection(replaying));
        List<String> replayed = failureMessages(results);
        assertThat(replayed).as("failures when replaying %s", replay).hasSize(1);
        assertThat(replayed.getFirst()).contains("Replayed from a schedule");
        return replayed.getFirst();
    }

    /**
     * Check that {@code fixture} passes and that at least {@link #MUST_PASS_EXECUTIONS} executions ran,
     * so a time budget or an early stop cannot pass it with a handful of interleavings.
     */
    public static void assertPassesEveryExecution(Class<?> fixture) {
        assertPassesEveryExecution(fixture, Map.of());
    }

    /** Like {@link #assertPassesEveryExecution(Class)}, with racetest configuration parameters. */
    public static void assertPassesEveryExecution(Class<?> fixture, Map<String, String> configuration) {
        EngineExecutionResults results = run(fixture, configuration);
        Map<String, String> entries = reportEntries(results);
        assertThat(failureMessages(results)).as("failures of %s", fixture.getSimpleName()).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(entries).as("report entries of %s", fixture.getSimpleName()).containsKey("racetest.executions");
        assertThat(Integer.parseInt(entries.get("racetest.executions")))
                .as("executions of %s (entries: %s)", fixture.getSimpleName(), entries)
                .isGreaterThanOrEqualTo(MUST_PASS_EXECUTIONS);
    }

    /**
     * Return where the line of {@code fixture}'s source that ends with the comment {@code // @marker}
     * appears in stack traces and reports, such as {@code "(LockOrderFixture.java:42)"}, so a test can
     * check that a verdict points at the right line without hard-coding its number.
     */
    public static String sourceLine(Class<?> fixture, String marker) {
        Path source = sourceOf(fixture);
        List<String> lines;
        try {
            lines = Files.readAllLines(source);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + source, e);
        }
        String comment = "// @" + marker;
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).stripTrailing().endsWith(comment)) {
                assertThat(found).as("lines of %s marked %s", source, comment).isNegative();
                found = i + 1;
            }
        }
        assertThat(found).as("a line of %s marked %s", source, comment).isPositive();
        return "(" + source.getFileName() + ":" + found + ")";
    }

    private static Path sourceOf(Class<?> fixture) {
        String relative = fixture.getName().replace('.', '/') + ".java";
        // Surefire runs in src/test and names the repository root; an IDE may run from either.
        String root = System.getProperty("racetest.root", "../..");
        for (Path candidate : List.of(Path.of(root, "src/test/java", relative), Path.of("java", relative),
                Path.of("src/test/java", relative))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("cannot find the source of " + fixture.getName());
    }

    /** Return {@code configuration} with {@code racetest.races=off} unless it sets that key itself. */
    private static Map<String, String> withoutRaceDetection(Map<String, String> configuration) {
        Map<String, String> off = new LinkedHashMap<>(configuration);
        off.putIfAbsent("racetest.races", "off");
        return off;
    }

    private static EngineExecutionResults run(Class<?> fixture, Map<String, String> configuration) {
        EngineTestKit.Builder kit = EngineTestKit.engine(ENGINE)
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("racetest.reportDir", "target/racetest-reports/conformance")
                // Each run explores afresh: a must-fail program must be found, not replayed from the last run.
                .configurationParameter("racetest.failures", "off")
                .selectors(selectClass(fixture));
        configuration.forEach(kit::configurationParameter);
        return kit.execute();
    }

    private static List<String> failureMessages(EngineExecutionResults results) {
        return results.testEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .map(thrown -> thrown.getMessage() == null ? thrown.toString() : thrown.getMessage())
                .toList();
    }

    private static Map<String, String> reportEntries(EngineExecutionResults results) {
        Map<String, String> entries = new LinkedHashMap<>();
        results.allEvents().reportingEntryPublished().stream()
                .filter(event -> event.getTestDescriptor().getType() == TestDescriptor.Type.TEST)
                .map(event -> event.getRequiredPayload(ReportEntry.class))
                .forEach(entry -> entries.putAll(entry.getKeyValuePairs()));
        return entries;
    }
}
