package dev.racetest.engine;

import static dev.racetest.engine.RaceTestKit.onlyFailure;
import static dev.racetest.engine.RaceTestKit.racetest;
import static dev.racetest.engine.RaceTestKit.reportEntries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.racetest.RaceTestConfigurationException;
import dev.racetest.RaceTestFailure;
import dev.racetest.fixtures.FixableLostUpdateFixture;
import dev.racetest.scheduler.Schedule;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The failure database ({@code racetest.failures}): a failing schedule is stored, and the next run
 * replays it first, failing in execution 1; a schedule that passes now or no longer fits the code is
 * dropped and exploration goes on; a corrupted file is set aside with one warning.
 */
@Timeout(120)
class FailureDatabaseTests {

    private static final Pattern FOUND_IN = Pattern.compile("Found in execution (\\d+) ");
    /** The file the database keeps for the fixture's test. */
    private static final String FILE = FixableLostUpdateFixture.class.getName() + ".incrementTwice.json";
    /** The settings a run of {@link #kit()} records, as the database writes them. */
    private static final String FINGERPRINT = "\"statics\": \"fresh\", \"spuriousWakeups\": 1, \"maxSteps\": 100000,"
            + " \"races\": \"off\", \"leaks\": \"fail\"";

    @TempDir
    Path reportDir;

    @AfterEach
    void unfix() {
        System.clearProperty(FixableLostUpdateFixture.FIXED);
    }

    @Test
    void aFailingTestRunTwiceReplaysTheStoredScheduleFirstAndFailsInExecutionOne() throws IOException {
        EngineExecutionResults first = kit().execute();
        RaceTestFailure found = (RaceTestFailure) onlyFailure(first);
        int foundIn = foundIn(found);
        assertThat(foundIn).as("depth-first search meets the lost update after some passing executions").isGreaterThan(1);
        Path file = failuresDir().resolve(FILE);
        assertThat(reportEntries(first).get("racetest.failures"))
                .isEqualTo("the failing schedule was stored in " + file + "; the next run replays it first");
        assertThat(Files.readString(file)).contains("\"token\": \"" + found.replayToken() + "\"",
                "\"outcome\": \"ThreadFailed\"", "\"headline\": \"java.lang.AssertionError in thread ", FINGERPRINT);

        EngineExecutionResults second = kit().execute();

        RaceTestFailure replayed = (RaceTestFailure) onlyFailure(second);
        assertThat(foundIn(replayed)).isEqualTo(1);
        assertThat(replayed.replayToken()).isEqualTo(found.replayToken());
        assertThat(replayed.getMessage().lines().toList().get(1))
                .startsWith("Replayed a stored failing schedule from " + file + " (stored ")
                .contains(") in execution 1, and it still fails.", "delete that file",
                        "-Dracetest.failures=off");
        assertThat(replayed.getMessage()).contains("expected count 2 but was 1");
        assertThat(Files.readString(replayed.reportFile().orElseThrow())).isEqualTo(replayed.getMessage());
        Map<String, String> entries = reportEntries(second);
        assertThat(entries).containsEntry("racetest.executions", "1")
                .containsEntry("racetest.stop", "a failing execution was found");
        assertThat(entries.get("racetest.failures")).startsWith("the failing schedule stored on ")
                .endsWith(" in " + file + " still fails, in execution 1");
        assertThat(Files.readString(file)).contains(found.replayToken());
    }

    @Test
    void aStoredScheduleThatPassesNowIsDroppedAndExplorationGoesOn() {
        kit().execute();
        Path file = failuresDir().resolve(FILE);
        assertThat(file).exists();

        System.setProperty(FixableLostUpdateFixture.FIXED, "true");
        EngineExecutionResults fixed = kit().configurationParameter("racetest.executions", "20").execute();

        fixed.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        Map<String, String> entries = reportEntries(fixed);
        assertThat(entries).containsEntry("racetest.executions", "21");
        assertThat(entries.get("racetest.stop")).startsWith("all 20 executions ran (racetest.executions)");
        assertThat(entries.get("racetest.failures")).startsWith("the failing schedule stored on ")
                .endsWith(" in " + file + " passes now (the bug looks fixed), so it was dropped");
        assertThat(file).doesNotExist();
    }

    @Test
    void aStoredScheduleThatNoLongerFitsTheCodeIsDroppedAndIsNoFailure() throws IOException {
        Path file = failuresDir().resolve(FILE);
        String foreign = new Schedule(7, new int[] {9, 9, 9}).token();
        store(file, foreign, FINGERPRINT);
        int baseline = foundIn((RaceTestFailure) onlyFailure(kit().configurationParameter("racetest.failures", "off")
                .execute()));

        EngineExecutionResults results = kit().execute();

        RaceTestFailure failure = (RaceTestFailure) onlyFailure(results);
        assertThat(foundIn(failure)).as("the strategy's executions come after the stored one").isEqualTo(baseline + 1);
        assertThat(failure.getMessage()).doesNotContain("Replayed a stored failing schedule");
        assertThat(reportEntries(results).get("racetest.failures"))
                .contains(" in " + file + " no longer fits the code, so it was dropped: replay diverged at decision 1:"
                        + " at step ", " the schedule runs T9 next, but only T")
                .endsWith("; the failing schedule was stored in " + file + "; the next run replays it first");
        assertThat(Files.readString(file)).doesNotContain(foreign).contains(failure.replayToken());
    }

    @Test
    void aCorruptedFileIsSetAsideWithOneWarningAndExplorationProceeds() throws IOException {
        Path file = failuresDir().resolve(FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"failures\": [{\"token\": \"rt1.cut-off");
        System.setProperty(FixableLostUpdateFixture.FIXED, "true");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream previous = System.err;
        EngineExecutionResults results;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            results = kit().configurationParameter("racetest.executions", "10").execute();
        } finally {
            System.setErr(previous);
        }

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
                .startsWith("racetest: the failure database file " + file + " is not valid (")
                .endsWith("), so it was set aside as " + FILE + ".corrupt and this run explores without it");
        assertThat(file).doesNotExist();
        assertThat(file.resolveSibling(FILE + ".corrupt")).hasContent("{\"failures\": [{\"token\": \"rt1.cut-off");
        Map<String, String> entries = reportEntries(results);
        assertThat(entries).containsEntry("racetest.executions", "10");
        assertThat(entries.get("racetest.failures")).startsWith("the failure database file " + file + " is not valid");
    }

    @Test
    void offNeitherWritesNorReads() {
        EngineExecutionResults off = kit().configurationParameter("racetest.failures", "off").execute();
        int foundIn = foundIn((RaceTestFailure) onlyFailure(off));
        assertThat(failuresDir()).doesNotExist();
        assertThat(reportEntries(off)).doesNotContainKey("racetest.failures");

        kit().execute(); // stores the schedule
        EngineExecutionResults offAgain = kit().configurationParameter("racetest.failures", "OFF").execute();
        assertThat(foundIn((RaceTestFailure) onlyFailure(offAgain))).isEqualTo(foundIn);
    }

    @Test
    void replayOnlyRunsNothingButTheStoredSchedules() {
        EngineExecutionResults nothingStored = kit().configurationParameter("racetest.failures", "replay-only").execute();
        nothingStored.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(reportEntries(nothingStored)).containsEntry("racetest.executions", "0")
                .containsEntry("racetest.stop", "only stored failing schedules were replayed (racetest.failures=replay-only)")
                .containsEntry("racetest.failures",
                        "nothing is stored for this test, so racetest.failures=replay-only ran no execution");

        RaceTestFailure found = (RaceTestFailure) onlyFailure(kit().execute());
        EngineExecutionResults stillFailing = kit().configurationParameter("racetest.failures", "replay-only").execute();
        RaceTestFailure again = (RaceTestFailure) onlyFailure(stillFailing);
        assertThat(foundIn(again)).isEqualTo(1);
        assertThat(again.replayToken()).isEqualTo(found.replayToken());
        assertThat(reportEntries(stillFailing)).containsEntry("racetest.executions", "1");

        System.setProperty(FixableLostUpdateFixture.FIXED, "true");
        EngineExecutionResults fixed = kit().configurationParameter("racetest.failures", "replay-only").execute();
        fixed.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(reportEntries(fixed)).containsEntry("racetest.executions", "1");
        assertThat(failuresDir().resolve(FILE)).doesNotExist();
    }

    @Test
    void aScheduleStoredUnderOtherSettingsIsKeptButNotReplayed() throws IOException {
        Path file = failuresDir().resolve(FILE);
        RaceTestFailure found = (RaceTestFailure) onlyFailure(kit().execute());
        String stored = Files.readString(file);

        EngineExecutionResults shared = kit().configurationParameter("racetest.statics", "shared").execute();

        assertThat(foundIn((RaceTestFailure) onlyFailure(shared))).isGreaterThan(1);
        assertThat(reportEntries(shared).get("racetest.failures")).startsWith("1 stored failing schedule was not"
                + " replayed because it was recorded with other settings (statics=fresh, spuriousWakeups=1,"
                + " maxSteps=100000, races=off, leaks=fail) than this run's (statics=shared, ");
        assertThat(Files.readString(file)).contains(found.replayToken()).isNotEqualTo(stored); // both kept, newest first
    }

    @Test
    void anExplicitReplayBypassesTheDatabase() {
        RaceTestFailure found = (RaceTestFailure) onlyFailure(kit().configurationParameter("racetest.failures", "off")
                .execute());

        EngineExecutionResults replayed = kit().configurationParameter("racetest.replay",
                FixableLostUpdateFixture.class.getName() + "#incrementTwice:" + found.replayToken()).execute();

        assertThat(onlyFailure(replayed).getMessage()).startsWith("racetest found a failure: ")
                .doesNotContain("Replayed a stored failing schedule");
        assertThat(reportEntries(replayed)).doesNotContainKey("racetest.failures");
        assertThat(failuresDir()).doesNotExist();
    }

    @Test
    void aShardWritesAFileOfItsOwnWhichEveryRunReads() {
        EngineExecutionResults shard = kit().configurationParameter("racetest.shard", "1/2").execute();
        RaceTestFailure found = (RaceTestFailure) onlyFailure(shard);
        Path shardFile = failuresDir().resolve(FixableLostUpdateFixture.class.getName() + ".incrementTwice.shard-1-of-2.json");
        assertThat(shardFile).exists();
        assertThat(failuresDir().resolve(FILE)).doesNotExist();

        RaceTestFailure whole = (RaceTestFailure) onlyFailure(kit().execute());
        assertThat(foundIn(whole)).isEqualTo(1);
        assertThat(whole.replayToken()).isEqualTo(found.replayToken());
    }

    @Test
    void aMalformedModeFailsTheTestWithOneSentence() {
        Throwable failure = onlyFailure(kit().configurationParameter("racetest.failures", "sometimes").execute());

        assertThat(failure).isInstanceOf(RaceTestConfigurationException.class)
                .hasMessage("Configuration parameter racetest.failures has the invalid value 'sometimes': expected"
                        + " replay-first (replay the stored failing schedules, then explore), replay-only (replay them"
                        + " and explore nothing) or off (neither read nor write the failure database); fix the"
                        + " -Dracetest.failures system property or its line in junit-platform.properties.");
    }

    /** The lost update, without race detection (it would report the race in execution 1), by depth-first search. */
    private EngineTestKit.Builder kit() {
        return racetest(reportDir).selectors(selectClass(FixableLostUpdateFixture.class))
                .configurationParameter("racetest.races", "off")
                .configurationParameter("racetest.strategy", "dfs");
    }

    private Path failuresDir() {
        return reportDir.resolve("failures").toAbsolutePath();
    }

    private static int foundIn(RaceTestFailure failure) {
        Matcher matcher = FOUND_IN.matcher(failure.getMessage());
        assertThat(matcher.find()).as("the report says in which execution: %s", failure.getMessage()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /** Writes a database file holding one entry, as the database itself would. */
    private static void store(Path file, String token, String fingerprint) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\n  \"test\": \"" + FixableLostUpdateFixture.class.getName() + "#incrementTwice\",\n"
                + "  \"failures\": [\n    {\"token\": \"" + token + "\", \"headline\": \"stored by hand\","
                + " \"outcome\": \"ThreadFailed\", \"recorded\": \"2026-01-01T00:00:00Z\", " + fingerprint + "}\n  ]\n}\n");
    }
}
