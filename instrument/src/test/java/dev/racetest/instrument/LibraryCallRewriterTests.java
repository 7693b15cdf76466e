package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.racetest.fixtures.instrument.LibraryCalls;
import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.instrument.hooks.SyncSites;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * The library and blocking call rewriters on {@link LibraryCalls}: the rewritten bytecode against golden
 * files, its verification, and the sync points one call of each method passes under a
 * {@link RecordingHandler}.
 *
 * <p>Golden files are regenerated like {@link GoldenTests}'
 * ({@code -Dracetest.updateGolden=true}).
 */
class LibraryCallRewriterTests {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("racetest.updateGolden");
    private static final Pattern SITE_PUSH = Pattern.compile("\\s*(?:ICONST_|BIPUSH |SIPUSH |LDC )(\\d+)");
    private static final Pattern HOOK_WITH_SITE =
            Pattern.compile("\\s*INVOKESTATIC dev/racetest/instrument/hooks/\\w+\\.\\w+ \\(.*I\\).*");

    private final InstrumentingClassLoader loader = Fixtures.newLoader();
    private final RecordingHandler recorder = new RecordingHandler();

    private static byte[] rewritten() {
        return new ClassRewriter().rewrite(LibraryCalls.class.getName(), Fixtures.bytes(LibraryCalls.class),
                LibraryCallRewriterTests.class.getClassLoader());
    }

    @ParameterizedTest(name = "LibraryCalls.{0}")
    @ValueSource(strings = {"maps", "lockAndCompareAndSet", "pollBoth", "waits", "<clinit>"})
    void rewrittenMethodMatchesGoldenFile(String method) throws IOException {
        String actual = resolveSites(GoldenTests.render(rewritten(), method));
        assertThat(actual).as("method %s found", method).isNotBlank();
        Path golden = GOLDEN.resolve("LibraryCalls." + method.replaceAll("[<>]", "") + ".txt");
        if (UPDATE) {
            Files.writeString(golden, actual);
            return;
        } else if (!Files.exists(golden)) {
            fail("golden file %s is missing: run the tests with -Dracetest.updateGolden=true", golden);
        }
        assertThat(actual).isEqualTo(Files.readString(golden));
    }

    /** Print site pushes before the hooks of every hooks class as the site they name, as {@link GoldenTests} does for {@code Hooks}. */
    static String resolveSites(String listing) {
        List<String> lines = new ArrayList<>(List.of(listing.split("\n", -1)));
        for (int i = 1; i < lines.size(); i++) {
            Matcher push = SITE_PUSH.matcher(lines.get(i - 1));
            if (HOOK_WITH_SITE.matcher(lines.get(i)).matches() && push.matches()) {
                SyncSite site = SyncSites.get(Integer.parseInt(push.group(1)));
                lines.set(i - 1, "    SITE " + site.kind() + " \"" + site.target() + "\" line " + site.line());
            }
        }
        return String.join("\n", lines);
    }

    @Test
    void rewrittenClassVerifies() {
        StringWriter report = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(rewritten()), getClass().getClassLoader(), false,
                new PrintWriter(report));

        assertThat(report.toString()).isBlank();
    }

    @Test
    void concurrentMapCallsArePreemptionPointsAndPlainOnesAreNot() throws Exception {
        Object fixture = newFixture();

        Object sum = record(() -> fixture.getClass().getMethod("maps").invoke(fixture));

        assertThat(sum).isEqualTo(2);
        assertThat(recorder.lines()).containsExactly(
                "LIBRARY_CALL Map.put @" + line("maps-concurrent"),
                "LIBRARY_CALL Map.size @" + line("maps-size"));
    }

    /**
     * A lock call is a library call; a {@code VarHandle} compare-and-set on a field is the volatile write
     * of that field it amounts to, on the object that holds it, named as its declaring class names it.
     */
    @Test
    void lockCallsArePreemptionPointsAndAVarHandleCallIsAnAccessOfItsField() throws Exception {
        Object fixture = newFixture();

        Object swapped = record(() -> fixture.getClass().getMethod("lockAndCompareAndSet").invoke(fixture));

        assertThat(swapped).isEqualTo(true);
        assertThat(recorder.lines()).containsExactly(
                "LIBRARY_CALL ReentrantLock.lock @" + line("lock"),
                "VOLATILE_WRITE LibraryCalls.state @" + line("cas"),
                "LIBRARY_CALL ReentrantLock.unlock @" + line("unlock"));
        assertThat(recorder.events().get(1).subject()).as("the object holding the field").isSameAs(fixture);
    }

    @Test
    void aJdkQueueWaitsThroughTheHandlerAndAUsersQueueIsCalledAsWritten() throws Exception {
        Object fixture = newFixture();
        BlockingQueue<String> jdk = new ArrayBlockingQueue<>(1);
        jdk.add("jdk");
        Object own = loader.loadClass(LibraryCalls.OwnQueue.class.getName()).getConstructor().newInstance();

        Object polled = record(() -> fixture.getClass().getMethod("pollBoth", BlockingQueue.class, BlockingQueue.class)
                .invoke(fixture, jdk, own));

        assertThat(polled).isEqualTo("jdk/own");
        assertThat(recorder.lines()).containsExactly("BLOCKING_CALL BlockingQueue.poll @" + line("poll-jdk"));
        assertThat(recorder.events().getFirst().subject()).isSameAs(jdk);
    }

    private Object newFixture() throws Exception {
        return Class.forName(LibraryCalls.class.getName(), true, loader).getConstructor().newInstance();
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
        return Fixtures.line(LibraryCalls.class, marker);
    }
}
