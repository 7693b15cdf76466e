package dev.racetest.engine;

import static dev.racetest.engine.RaceTestKit.onlyFailure;
import static dev.racetest.engine.RaceTestKit.racetest;
import static dev.racetest.engine.RaceTestKit.reportEntries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.racetest.RaceTestFailure;
import dev.racetest.engine.summary.RunSummary;
import dev.racetest.fixtures.LostUpdateFixture;
import dev.racetest.fixtures.SingleThreadFixture;
import dev.racetest.fixtures.SynchronizedCounterFixture;
import dev.racetest.scheduler.Schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@Timeout(120)
class RaceTestExecutionTests {

    private static final String LOST_UPDATE = LostUpdateFixture.class.getName() + "#incrementTwice";

    @TempDir
    Path reportDir;

    @Test
    void correctlySynchronizedCounterPassesEveryExecutionAndSaysWhatItExplored() {
        EngineExecutionResults results = racetest(reportDir)
                .selectors(selectClass(SynchronizedCounterFixture.class))
                .configurationParameter("racetest.executions", "40")
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        Map<String, String> entries = reportEntries(results);
        assertThat(entries).containsEntry("racetest.executions", "40")
                .containsEntry("racetest.seed", String.valueOf(0x5EED_2026L))
                .containsEntry("racetest.strategy", "portfolio")
                .containsEntry("racetest.mode", "quick")
                .containsKeys("racetest.interleavings", "racetest.elapsed", "racetest.stop", "racetest.steps",
                        "racetest.threads", "racetest.executionsPerSecond", "racetest.coverage");
        assertThat(Integer.parseInt(entries.get("racetest.interleavings"))).isBetween(2, 40);
        assertThat(entries.get("racetest.stop")).contains("all 40 executions ran");
    }

    @Test
    void lostUpdateFailsWithTheInterleavingAndTheLineThatReplaysIt() throws IOException {
        EngineExecutionResults results = racetest(reportDir)
                .selectors(selectClass(LostUpdateFixture.class))
                .configurationParameter("racetest.races", "off") // the lost update itself, not the race that causes it
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = onlyFailure(results);
        assertThat(failure).isInstanceOf(RaceTestFailure.class).hasCauseInstanceOf(AssertionError.class);
        assertThat(failure.getStackTrace()).isEmpty();
        RaceTestFailure raceFailure = (RaceTestFailure) failure;
        String token = raceFailure.replayToken();
        assertThat(failure.getMessage())
                .startsWith("racetest found a failure: java.lang.AssertionError in thread ")
                .contains("expected count 2 but was 1", "Interleaving, one column per thread (all ")
                .endsWith("Replay exactly this interleaving (it fails in execution 1):\n"
                        + "  -Dracetest.replay=" + LOST_UPDATE + ":" + token + "\n"
                        + "  e.g. mvn test -Dtest='LostUpdateFixture#incrementTwice' -Dracetest.replay="
                        + LOST_UPDATE + ":" + token + "\n"
                        + "  or pin it in the test: @RaceTest(replay = \"" + token + "\")\n");
        // The step where the throwing thread stopped is the one marked.
        assertThat(failure.getMessage().lines().filter(line -> line.startsWith(">>"))).hasSize(1);

        Path report = reportDir.resolve(LostUpdateFixture.class.getName() + ".incrementTwice.txt").toAbsolutePath();
        assertThat(raceFailure.reportFile()).contains(report);
        assertThat(failure.getMessage()).contains("This report is also in " + report);
        assertThat(Files.readString(report)).isEqualTo(failure.getMessage());
        Path summary = reportDir.resolve(LostUpdateFixture.class.getName() + ".incrementTwice.json").toAbsolutePath();
        Path trace = reportDir.resolve(LostUpdateFixture.class.getName() + ".incrementTwice.trace.json").toAbsolutePath();
        assertThat(results.allEvents().fileEntryPublished().stream().map(event -> event.getRequiredPayload(FileEntry.class).getPath()))
                .containsExactlyInAnyOrder(report, summary, trace);
        assertThat(Files.readString(trace)).startsWith("{\"traceEvents\":[");
        RunSummary written = RunSummary.parse(Files.readString(summary));
        assertThat(written.string("test")).isEqualTo(LOST_UPDATE);
        assertThat(written.string("failure")).startsWith("java.lang.AssertionError in thread ");
        assertThat(written.string("failureKind")).isEqualTo("ThreadFailed");
        assertThat(written.string("replay")).isEqualTo(LOST_UPDATE + ":" + token);
        assertThat(written.string("replayToken")).isEqualTo(token);
        assertThat(written.string("traceFile")).isEqualTo(trace.toString());
        assertThat(written.number("executions")).isPositive();
        assertThat(reportEntries(results)).containsEntry("racetest.stop", "a failing execution was found");
    }

    @Test
    void replayingTheReportedTokenFailsAgainInItsOnlyExecution() {
        String token = ((RaceTestFailure) onlyFailure(racetest(reportDir)
                .selectors(selectClass(LostUpdateFixture.class))
                .configurationParameter("racetest.races", "off") // the lost update itself, not the race that causes it
                .execute())).replayToken();

        EngineExecutionResults replayed = racetest(reportDir)
                .selectors(selectClass(LostUpdateFixture.class))
                .configurationParameter("racetest.races", "off")
                .configurationParameter("racetest.replay", LOST_UPDATE + ":" + token)
                .execute();

        Throwable failure = onlyFailure(replayed);
        assertThat(failure.getMessage()).contains("Replayed from a schedule", "expected count 2 but was 1");
        assertThat(((RaceTestFailure) failure).replayToken()).isEqualTo(token);
        assertThat(reportEntries(replayed))
                .containsEntry("racetest.executions", "1")
                .containsEntry("racetest.replay", "the replayed schedule (from racetest.replay) failed");
    }

    @Test
    void replayNamingAnotherTestLeavesThisOneExploring() {
        EngineExecutionResults results = racetest(reportDir)
                .selectors(selectClass(SynchronizedCounterFixture.class))
                .configurationParameter("racetest.executions", "10")
                .configurationParameter("racetest.replay", LOST_UPDATE + ":rt1.whatever")
                .execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(reportEntries(results)).containsEntry("racetest.executions", "10").doesNotContainKey("racetest.replay");
    }

    @Test
    void replayedScheduleThatPassesPassesTheTest() {
        String emptySchedule = new Schedule(0, new int[0]).token();

        EngineExecutionResults results = racetest(reportDir)
                .selectors(selectClass(SingleThreadFixture.class))
                .configurationParameter("racetest.replay", SingleThreadFixture.class.getName() + "#countAlone:" + emptySchedule)
                .execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(reportEntries(results))
                .containsEntry("racetest.replay", "the replayed schedule (from racetest.replay) passed")
                .containsEntry("racetest.stop", "one schedule was replayed");
    }

    @Test
    void randomSeedIsPickedAndShown() {
        EngineExecutionResults results = racetest(reportDir)
                .selectors(selectClass(SingleThreadFixture.class))
                .configurationParameter("racetest.seed", "random")
                .configurationParameter("racetest.executions", "3")
                .execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(reportEntries(results).get("racetest.seed"))
                .matches("-?\\d+ \\(picked at random: -Dracetest.seed=-?\\d+ repeats this run\\)");
    }

    @Test
    void sameSeedFindsTheSameFailure() {
        String first = ((RaceTestFailure) onlyFailure(racetest(reportDir)
                .selectors(selectClass(LostUpdateFixture.class)).configurationParameter("racetest.seed", "0x2A").execute()))
                .replayToken();
        String second = ((RaceTestFailure) onlyFailure(racetest(reportDir)
                .selectors(selectClass(LostUpdateFixture.class)).configurationParameter("racetest.seed", "42").execute()))
                .replayToken();

        assertThat(second).isEqualTo(first);
    }
}
