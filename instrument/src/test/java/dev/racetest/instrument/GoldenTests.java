package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.racetest.fixtures.instrument.ArrayFixture;
import dev.racetest.fixtures.instrument.AtomicFixture;
import dev.racetest.fixtures.instrument.Counter;
import dev.racetest.fixtures.instrument.SyncPoints;
import dev.racetest.fixtures.instrument.ThreadControlFixture;
import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.instrument.hooks.SyncSites;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/**
 * Compare the rewritten bytecode of chosen fixture methods with the golden files in
 * {@code src/test/resources/golden}.
 *
 * <p>After an intended change, regenerate them with
 * {@code ./mvnw -pl instrument test -Dtest=GoldenTests -Dracetest.updateGolden=true} and review the
 * diff. Site ids depend on test order, so each site push is printed as the site it names.
 */
class GoldenTests {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("racetest.updateGolden");
    private static final Pattern SITE_PUSH = Pattern.compile("\\s*(?:ICONST_|BIPUSH |SIPUSH |LDC )(\\d+)");
    private static final Pattern HOOK_WITH_SITE =
            Pattern.compile("\\s*INVOKESTATIC dev/racetest/instrument/hooks/Hooks\\.\\w+ \\(.*I\\).*");

    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of(Counter.class, "increment"),
                Arguments.of(Counter.class, "holdsClassLock"),
                Arguments.of(SyncPoints.class, "<init>"),
                Arguments.of(SyncPoints.class, "<clinit>"),
                Arguments.of(SyncPoints.class, "mixed"),
                Arguments.of(SyncPoints.class, "fields"),
                Arguments.of(SyncPoints.class, "handshake"),
                Arguments.of(ThreadControlFixture.Spinner.class, "run"),
                Arguments.of(ThreadControlFixture.Spinner.class, "start"),
                Arguments.of(ThreadControlFixture.class, "getAsInt"),
                Arguments.of(ArrayFixture.class, "fill"),
                Arguments.of(AtomicFixture.class, "work"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("methods")
    void rewrittenMethodMatchesGoldenFile(Class<?> fixture, String method) throws IOException {
        byte[] rewritten = new ClassRewriter().rewrite(fixture.getName(), Fixtures.bytes(fixture),
                GoldenTests.class.getClassLoader());
        String actual = render(rewritten, method);
        assertThat(actual).as("method %s found", method).isNotBlank();
        Path golden = GOLDEN.resolve(fixture.getSimpleName() + "." + method.replaceAll("[<>]", "") + ".txt");
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual);
            return;
        } else if (!Files.exists(golden)) {
            fail("golden file %s is missing: run the tests with -Dracetest.updateGolden=true", golden);
        }
        assertThat(actual).isEqualTo(Files.readString(golden));
    }

    /** Return the Textifier listing of every method called {@code name}, with site pushes resolved. */
    static String render(byte[] classFile, String name) {
        return render(classFile, name::equals);
    }

    /** Return the Textifier listing of every method whose name {@code names} accepts, with site pushes resolved. */
    static String render(byte[] classFile, Predicate<String> names) {
        Textifier textifier = new Textifier();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String methodName, String descriptor, String signature,
                                             String[] exceptions) {
                if (!names.test(methodName)) {
                    return null;
                }
                textifier.getText().add(methodName + descriptor + " access=0x" + Integer.toHexString(access) + "\n");
                return new TraceMethodVisitor(textifier);
            }
        }, 0);
        StringWriter out = new StringWriter();
        textifier.print(new PrintWriter(out));
        return resolveSites(out.toString());
    }

    private static String resolveSites(String listing) {
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
}
