package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.fixtures.instrument.ApiCalls;
import dev.racetest.instrument.hooks.Hooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API call rewriter on {@link ApiCalls}: which calls reach the race detector as accesses of which
 * object, which results become views, and that the rewritten class verifies.
 */
class ApiCallRewriterTests {

    private final InstrumentingClassLoader loader = Fixtures.newLoader();
    private final RecordingHandler recorder = new RecordingHandler();

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("racetest.updateGolden");

    /** Regenerated like {@link GoldenTests}' ({@code -Dracetest.updateGolden=true}). */
    @ParameterizedTest(name = "ApiCalls.{0}")
    @ValueSource(strings = {"views", "subclass"})
    void rewrittenMethodMatchesGoldenFile(String method) throws IOException {
        String actual = LibraryCallRewriterTests.resolveSites(
                GoldenTests.render(Fixtures.fullRewrite(ApiCalls.class), method));
        assertThat(actual).as("method %s found", method).isNotBlank();
        Path golden = GOLDEN.resolve("ApiCalls." + method + ".txt");
        if (UPDATE) {
            Files.writeString(golden, actual);
            return;
        }
        assertThat(golden).as("golden file: run the tests with -Dracetest.updateGolden=true").exists();
        assertThat(actual).isEqualTo(Files.readString(golden));
    }

    @Test
    void rewrittenClassVerifies() {
        assertThat(Fixtures.verificationProblems(Fixtures.fullRewrite(ApiCalls.class))).isBlank();
    }

    @Test
    void callsOnAHashMapItsViewsAndItsEntriesAreAccessesAndNoSchedulingPoints() throws Exception {
        Object result = call("views");

        assertThat(result).isEqualTo(2);
        assertThat(recorder.apiAccesses()).containsExactly(
                "HashMap.put @" + line("views-put"),
                "HashMap.entrySet @" + line("views-iterator"),
                "view Set.iterator @" + line("views-iterator"),
                "view Iterator.next @" + line("views-next"),
                "view Map$Entry.setValue @" + line("views-set-value"));
        assertThat(recorder.apiViews()).containsExactly(
                "java.util.HashMap$EntrySet <- java.util.HashMap",
                "java.util.HashMap$EntryIterator <- java.util.HashMap$EntrySet",
                "java.util.HashMap$Node <- java.util.HashMap$EntryIterator (entry)");
        assertThat(recorder.lines()).as("the concurrent map's calls stay scheduling points").containsExactly(
                "LIBRARY_CALL Map.get @" + line("views-concurrent-get"));
    }

    @Test
    void aStringBuilderAndASimpleDateFormatAreTracked() throws Exception {
        Object result = call("text");

        assertThat(result).isEqualTo("5:x1970");
        assertThat(recorder.apiAccesses()).containsExactly(
                "StringBuilder.append @" + line("text-append"),
                "SimpleDateFormat.setTimeZone @" + (line("text-format") - 1),
                "SimpleDateFormat.format @" + line("text-format"),
                "StringBuilder.append @" + line("text-format"),
                "CharSequence.length @" + line("text-length"));
        assertThat(recorder.lines()).isEmpty();
    }

    @Test
    void bufferCallsNameTheBytesTheyTouchInTheArrayBehindThem() throws Exception {
        assertThat(call("buffers")).isEqualTo(7);

        assertThat(recorder.apiAccesses()).containsExactly(
                "ByteBuffer.putInt writes 4 bytes at byte[]+4 @" + line("buffers-put-int"),
                "ByteBuffer.getLong moves reads 8 bytes at byte[]+0 @" + line("buffers-get-long"),
                "ByteBuffer.asIntBuffer @" + line("buffers-as-int"),
                "IntBuffer.get reads 4 bytes at byte[]+12 @" + line("buffers-int-get"));
    }

    @Test
    void immutableCollectionsAndStoredEntriesAreNeitherAccessesNorViews() throws Exception {
        assertThat(call("notViews")).isEqualTo(1);

        assertThat(recorder.apiAccesses()).isEmpty();
        assertThat(recorder.apiViews()).isEmpty();
    }

    @Test
    void aSubclassCountsItsInheritedMethodsAndItsSuperCallsNotItsOverrides() throws Exception {
        assertThat(call("subclass")).isEqualTo(1);

        assertThat(recorder.apiAccesses()).containsExactly(
                "HashMap.put @" + line("subclass-super-put"),
                "Map.get @" + line("subclass-get"));
    }

    private Object call(String method) throws Exception {
        Object fixture = Class.forName(ApiCalls.class.getName(), true, loader).getConstructor().newInstance();
        return record(() -> fixture.getClass().getMethod(method).invoke(fixture));
    }

    private Object record(Callable<?> action) throws Exception {
        Hooks.bind(recorder);
        try {
            return action.call();
        } finally {
            Hooks.unbind();
        }
    }

    private static int line(String marker) {
        return Fixtures.line(ApiCalls.class, marker);
    }
}
