package dev.racetest.engine;

import static dev.racetest.engine.RaceTestKit.onlyFailure;
import static dev.racetest.engine.RaceTestKit.racetest;
import static dev.racetest.engine.RaceTestKit.reportEntries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.racetest.RaceTestConfigurationException;
import dev.racetest.RaceTestFailure;
import dev.racetest.engine.summary.RunSummary;
import dev.racetest.fixtures.RacyHitsFixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Data races through the engine: they fail a test by default with both accesses in the report, only
 * warn or are not looked for as {@code racetest.races} says, and are not reported on fields declared
 * benign by {@code @BenignRace} or {@code racetest.races.benign}.
 */
@Timeout(120)
class DataRaceTests {

    private static final String SUFFIX = "; fix the -Dracetest.%s system property or its line in junit-platform.properties.";

    @TempDir
    Path reportDir;

    private EngineTestKit.Builder kit(String method) {
        return racetest(reportDir).selectors(selectMethod(RacyHitsFixture.class, method));
    }

    @Test
    void aRaceFailsTheTestByDefaultWithBothAccessesAndReplays() {
        Throwable failure = onlyFailure(kit("countHits").execute());

        assertThat(failure).isInstanceOf(RaceTestFailure.class).hasNoCause();
        assertThat(failure.getMessage())
                .startsWith("racetest found a failure: data race on RacyHitsFixture.hits: T")
                .contains(" without happens-before\n", "Found in execution 1 ", "first: T", "then: T",
                        "at dev.racetest.fixtures.RacyHitsFixture.lambda$countHits$")
                .containsPattern("Interleaving, one column per thread \\(all \\d+ steps")
                .containsPattern("\\n>> +\\d+ .*(read|write) RacyHitsFixture#1\\.hits .*RacyHitsFixture\\.lambda\\$countHits\\$")
                .doesNotContain("(stack not captured)");

        String token = ((RaceTestFailure) failure).replayToken();
        Throwable replayed = onlyFailure(kit("countHits")
                .configurationParameter("racetest.replay", RacyHitsFixture.class.getName() + "#countHits:" + token)
                .execute());
        assertThat(replayed.getMessage()).contains("Replayed from a schedule", "data race on RacyHitsFixture.hits");
    }

    @Test
    void aRaceFailurePublishesItsReportAndItsTraceForPerfetto() throws IOException {
        EngineExecutionResults results = kit("countHits").execute();

        String stem = RacyHitsFixture.class.getName() + ".countHits";
        Path report = reportDir.resolve(stem + ".txt").toAbsolutePath();
        Path trace = reportDir.resolve(stem + ".trace.json").toAbsolutePath();
        assertThat(results.allEvents().fileEntryPublished().stream().map(event -> event.getRequiredPayload(FileEntry.class)))
                .extracting(FileEntry::getPath, entry -> entry.getMediaType().orElse(""))
                .contains(tuple(report, "text/plain"), tuple(trace, "application/json"));
        assertThat(onlyFailure(results).getMessage())
                .contains("The whole trace, one track per thread, is in " + trace + "; open it at https://ui.perfetto.dev");
        String json = Files.readString(trace);
        assertThat(json).startsWith("{\"traceEvents\":[").contains("\"name\":\"thread_name\"", "\"ph\":\"X\"",
                "\"ph\":\"i\",\"s\":\"g\",\"name\":\"data race on RacyHitsFixture.hits");
        RunSummary summary = RunSummary.parse(Files.readString(reportDir.resolve(stem + ".json")));
        assertThat(summary.string("failureKind")).isEqualTo("DataRace");
        assertThat(summary.string("traceFile")).isEqualTo(trace.toString());
        assertThat(summary.string("replayToken")).isEqualTo(((RaceTestFailure) onlyFailure(results)).replayToken());
    }

    @Test
    void inWarnModeTheTestPassesAndTheFirstRaceIsAReportEntry() {
        EngineExecutionResults results = kit("countHits").configurationParameter("racetest.races", "warn").execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(reportEntries(results)).containsEntry("racetest.executions", "50")
                .hasEntrySatisfying("racetest.raceWarning", warning -> assertThat(warning)
                        .startsWith("data race on RacyHitsFixture.hits: T")
                        .endsWith("(reported, not failed, because racetest.races=warn)"));
    }

    @Test
    void offModeNeitherFailsNorWarns() {
        EngineExecutionResults results = kit("countHits").configurationParameter("racetest.races", "OFF").execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(reportEntries(results)).containsEntry("racetest.executions", "50").doesNotContainKey("racetest.raceWarning");
    }

    @Test
    void aFieldAnnotatedBenignRaceIsNotReported() {
        kit("countAnnotatedHits").execute().testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aFieldListedInTheConfigurationIsNotReported() {
        assertThat(onlyFailure(kit("countConfiguredHits").execute()).getMessage())
                .contains("data race on RacyHitsFixture.configuredHits");

        kit("countConfiguredHits")
                .configurationParameter("racetest.races.benign",
                        "com.acme.Other.field, " + RacyHitsFixture.class.getName() + ".configuredHits")
                .execute().testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void malformedValuesFailWithOneSentence() {
        assertThat(onlyFailure(kit("countHits").configurationParameter("racetest.races", "loud").execute()))
                .isInstanceOf(RaceTestConfigurationException.class)
                .hasMessage("Configuration parameter racetest.races has the invalid value 'loud': expected fail (a data"
                        + " race fails the test), warn (it is reported, the test does not fail) or off (races are not"
                        + " looked for)" + SUFFIX.formatted("races"));
        assertThat(onlyFailure(kit("countHits").configurationParameter("racetest.races.benign", "hits").execute()))
                .isInstanceOf(RaceTestConfigurationException.class)
                .hasMessage("Configuration parameter racetest.races.benign has the invalid value 'hits': expected"
                        + " comma-separated fields named by their declaring class, such as"
                        + " com.acme.Stats.hits,com.acme.Cache$Entry.value, but 'hits' is not a class name followed by"
                        + " a field name" + SUFFIX.formatted("races.benign"));
    }
}
