package dev.racetest.engine;

import static dev.racetest.engine.RaceTestKit.onlyFailure;
import static dev.racetest.engine.RaceTestKit.racetest;
import static dev.racetest.engine.RaceTestKit.reportEntries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.racetest.RaceTestFailure;
import dev.racetest.fixtures.api.BufferRaceFixture;
import dev.racetest.fixtures.api.CollectionRaceFixture;
import dev.racetest.fixtures.api.TextRaceFixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * API-level race detection through the engine: calls on a shared {@code HashMap}, {@code ArrayList},
 * iterator, {@code StringBuilder} or {@code SimpleDateFormat} that no synchronisation orders are a data
 * race naming the object and the calls, with both source lines, in whichever interleaving they ran; the
 * same calls ordered by a lock, a join or a {@code java.util.concurrent} hand-off are none, over every one
 * of 200 executions (the default fixed seed, so every run explores the same schedules).
 */
@Timeout(120)
class ApiRaceTests {

    @TempDir
    Path reportDir;

    private EngineExecutionResults run(Class<?> fixture, String method) {
        return racetest(reportDir).selectors(selectMethod(fixture, method)).execute();
    }

    private String raceReport(Class<?> fixture, String method) {
        Throwable failure = onlyFailure(run(fixture, method));
        assertThat(failure).isInstanceOf(RaceTestFailure.class);
        return failure.getMessage();
    }

    /** Asserts that the test passed all 200 executions, showing the report when it did not. */
    private static void assertPassesEveryExecution(EngineExecutionResults results) {
        List<String> failures = results.testEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage())
                .toList();
        assertThat(failures).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(reportEntries(results)).containsEntry("racetest.executions", "200");
    }

    /** {@code Fixture.java:N} for the line of {@code fixture}'s source marked {@code // line:marker}. */
    private static String line(Class<?> fixture, String marker) throws IOException {
        Path source = Path.of("src/test/java", fixture.getName().replace('.', '/') + ".java");
        List<String> lines = Files.readAllLines(source);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// line:" + marker)) {
                return fixture.getSimpleName() + ".java:" + (i + 1) + ")";
            }
        }
        throw new AssertionError("no line marked " + marker + " in " + source);
    }

    @Test
    void twoPutsIntoASharedHashMapAreARaceNamingTheMapAndBothLines() throws IOException {
        String report = raceReport(CollectionRaceFixture.class, "twoThreadsPutIntoOneHashMap");

        assertThat(report).startsWith("racetest found a failure: data race on HashMap#1 (put): T")
                .contains("Found in execution 1 ", " wrote at ", "first: T", "then: T",
                        line(CollectionRaceFixture.class, "put-first"), line(CollectionRaceFixture.class, "put-second"))
                .doesNotContain("(stack not captured)", " read at ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"twoThreadsPutUnderOneLock", "aMapFilledByOneThreadIsReadAfterJoin",
            "aMapHandedOverThroughABlockingQueue", "listsHandedOverThroughAConcurrentHashMap",
            "readersOnlyNeverRace", "immutableCollectionsAreThreadSafe"})
    void orderedOrReadOnlyCollectionsAreNoRaceInAnyExecution(String method) {
        assertPassesEveryExecution(run(CollectionRaceFixture.class, method));
    }

    @Test
    void anIteratorsNextRacesWithAnAddToItsList() throws IOException {
        String report = raceReport(CollectionRaceFixture.class, "anIteratorRacesWithAnAdd");

        assertThat(report).containsPattern("data race on ArrayList#1 \\((Iterator\\.next / add|add / Iterator\\.next)\\)")
                .contains(line(CollectionRaceFixture.class, "iterator-next"), line(CollectionRaceFixture.class, "list-add"),
                        " read at ", " wrote at ");
    }

    @Test
    void anEntrysSetValueWritesItsMap() throws IOException {
        String report = raceReport(CollectionRaceFixture.class, "aMapEntryWrittenWhileAnotherThreadReadsTheMap");

        assertThat(report).containsPattern("data race on HashMap#1 \\((getOrDefault / Map\\.Entry\\.setValue|Map\\.Entry\\.setValue / getOrDefault)\\)")
                .contains(line(CollectionRaceFixture.class, "set-value"), line(CollectionRaceFixture.class, "get-or-default"),
                        " read at ", " wrote at ");
    }

    @Test
    void twoAppendsToASharedStringBuilderAreARace() throws IOException {
        String report = raceReport(TextRaceFixture.class, "twoThreadsAppendToOneStringBuilder");

        assertThat(report).startsWith("racetest found a failure: data race on StringBuilder#1 (append): T")
                .contains(line(TextRaceFixture.class, "append-first"), line(TextRaceFixture.class, "append-second"));
    }

    @Test
    void twoFormatsWithASharedSimpleDateFormatAreARace() throws IOException {
        String report = raceReport(TextRaceFixture.class, "twoThreadsFormatWithOneSimpleDateFormat");

        assertThat(report).startsWith("racetest found a failure: data race on SimpleDateFormat#1 (format): T")
                .contains(line(TextRaceFixture.class, "format-first"), line(TextRaceFixture.class, "format-second"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"disjointRangesOfADirectBuffer", "disjointSlicesOfOneHeapBuffer",
            "aBufferFilledThenHandedOverByJoin"})
    void disjointOrOrderedBufferAccessesAreNoRace(String method) {
        assertPassesEveryExecution(run(BufferRaceFixture.class, method));
    }

    @Test
    void overlappingRangesOfADirectBufferAreARaceNamingTheIndexRange() throws IOException {
        String report = raceReport(BufferRaceFixture.class, "overlappingRangesOfADirectBuffer");

        assertThat(report).containsPattern("data race on ByteBuffer#1 (\\[0, 8\\) \\(putInt / putLong\\)"
                        + "|\\[4, 8\\) \\(putLong / putInt\\)): T")
                .contains(line(BufferRaceFixture.class, "direct-long"), line(BufferRaceFixture.class, "direct-int"));
    }

    @Test
    void aBufferAndItsDuplicateShareTheirMemory() throws IOException {
        String report = raceReport(BufferRaceFixture.class, "aHeapBufferAndItsDuplicate");

        assertThat(report).containsPattern("data race on ByteBuffer#\\d \\[3, 4\\) \\((put / get|get / put)\\): T")
                .contains(line(BufferRaceFixture.class, "duplicate"), " read at ", " wrote at ");
    }

    @Test
    void aSliceAndAnIntViewShareTheirMemory() throws IOException {
        String report = raceReport(BufferRaceFixture.class, "aSliceAndAnIntViewOfOneDirectBuffer");

        assertThat(report).containsPattern("data race on (ByteBuffer#\\d \\[0, 1\\)|IntBuffer#\\d \\[2, 3\\)) \\(put\\): T")
                .contains(line(BufferRaceFixture.class, "slice"), line(BufferRaceFixture.class, "int-view"));
    }

    @Test
    void aSharedRegionOfAMappedFileIsARace() throws IOException {
        String report = raceReport(BufferRaceFixture.class, "aSharedRegionOfAMappedFile");

        assertThat(report).containsPattern("data race on ByteBuffer#1 (\\[16, 20\\)|\\[18, 22\\)) \\(putInt\\): T")
                .contains(line(BufferRaceFixture.class, "mapped-first"), line(BufferRaceFixture.class, "mapped-second"));
    }

    @Test
    void relativePutsRaceOnTheSharedPosition() throws IOException {
        String report = raceReport(BufferRaceFixture.class, "relativePutsMoveASharedPosition");

        assertThat(report).startsWith("racetest found a failure: data race on ByteBuffer#1 (put): T")
                .contains(line(BufferRaceFixture.class, "relative"));
    }

    @Test
    void buildersAndFormatsConfinedToTheirThreadAreNoRace() {
        assertPassesEveryExecution(run(TextRaceFixture.class, "eachThreadWithItsOwnBuilderAndFormat"));
    }
}
