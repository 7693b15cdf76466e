package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.racetest.fixtures.instrument.ExecutorFixture;
import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.instrument.hooks.ThreadBuilderHooks;
import dev.racetest.substitutes.SubstituteExecutors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Check the rewriting of executors and thread builders: golden listings of what these rewriters alone
 * make of {@link ExecutorFixture} (so that other rewriters' changes do not touch them), and checks of
 * the full chain's output.
 *
 * <p>Regenerate the golden files with {@code -Dracetest.updateGolden=true}, as {@link GoldenTests} says.
 */
class ExecutorRewritingTests {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/executors");
    private static final boolean UPDATE = Boolean.getBoolean("racetest.updateGolden");
    private static final Pattern SITE_PUSH = Pattern.compile("\\s*(?:ICONST_|BIPUSH |SIPUSH |LDC )(\\d+)");
    private static final Pattern BUILDER_HOOK = Pattern.compile(
            "\\s*INVOKESTATIC " + Type.getInternalName(ThreadBuilderHooks.class) + "\\.\\w+ \\(.*I\\).*");

    /** The executor and builder rewriters, in their order in {@link ClassRewriter}. */
    private static final List<BiFunction<ClassVisitor, ClassContext, ClassVisitor>> STAGES = List.of(
            ThreadBuilderRewriter::new, ExecutorCallRewriter::new, ThreadPoolConstructorRewriter::new);

    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of(ExecutorFixture.class, "factories"),
                Arguments.of(ExecutorFixture.class, "constructors"),
                Arguments.of(ExecutorFixture.class, "closeAll"),
                Arguments.of(ExecutorFixture.class, "builders"),
                Arguments.of(ExecutorFixture.CountingPool.class, "<init>"),
                Arguments.of(ExecutorFixture.ScheduledSubclass.class, "<init>"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("methods")
    void rewrittenMethodMatchesGoldenFile(Class<?> fixture, String method) throws IOException {
        String actual = resolveBuilderSites(GoldenTests.render(Fixtures.rewriteWith(STAGES, fixture), method));
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

    @Test
    void fullRewriteOfTheFixturesVerifies() {
        for (Class<?> fixture : List.of(ExecutorFixture.class, ExecutorFixture.CountingPool.class,
                ExecutorFixture.ScheduledSubclass.class)) {
            assertThat(Fixtures.verificationProblems(Fixtures.fullRewrite(fixture))).as(fixture.getName()).isEmpty();
        }
    }

    @Test
    void fullRewriteLeavesNoThreadCreatingJdkCallAndCallsOnlyRealSubstitutes() {
        List<String> calls = new ArrayList<>();
        List<String> news = new ArrayList<>();
        for (Class<?> fixture : List.of(ExecutorFixture.class, ExecutorFixture.CountingPool.class)) {
            Fixtures.collectCalls(Fixtures.fullRewrite(fixture), calls, news);
        }

        assertThat(calls).noneMatch(call -> call.contains("java/util/concurrent/Executors.new"))
                .noneMatch(call -> call.contains("java/util/concurrent/ScheduledThreadPoolExecutor.<init>"))
                .noneMatch(call -> call.contains("java/lang/Thread.startVirtualThread"))
                .noneMatch(call -> call.matches(".*Thread\\$Builder.*\\.start\\(.*"))
                .noneMatch(call -> call.matches(".*ExecutorService\\.close\\(\\)V"))
                .noneMatch(call -> call.matches(".*ThreadPoolExecutor\\.close\\(\\)V"));
        assertThat(calls).filteredOn(call -> call.contains("java/util/concurrent/ThreadPoolExecutor.<init>"))
                .isNotEmpty()
                .allMatch(call -> call.contains("Ljava/util/concurrent/ThreadFactory;"));
        assertThat(news).doesNotContain("java/util/concurrent/ScheduledThreadPoolExecutor")
                .contains("dev/racetest/substitutes/ControlledScheduledExecutor");
        List<String> substituteCalls = calls.stream()
                .filter(call -> call.contains(" dev/racetest/substitutes/") || call.contains("/ThreadBuilderHooks."))
                .toList();
        assertThat(substituteCalls).hasSizeGreaterThan(15).allSatisfy(ExecutorRewritingTests::resolvesToPublicStatic);
    }

    @Test
    void scheduledSubclassKeepsItsJdkSuperConstructor() {
        String init = GoldenTests.render(Fixtures.fullRewrite(ExecutorFixture.ScheduledSubclass.class), "<init>");

        assertThat(init).contains("INVOKESPECIAL java/util/concurrent/ScheduledThreadPoolExecutor.<init> (I)V")
                .doesNotContain("ControlledScheduledExecutor");
    }

    @Test
    void substitutesKeepTheirCallsToTheJdk() {
        String rewritten = GoldenTests.render(Fixtures.fullRewrite(SubstituteExecutors.class), "newFixedThreadPool");

        assertThat(rewritten).contains("INVOKESTATIC java/util/concurrent/Executors.newFixedThreadPool (I)")
                .doesNotContain("INVOKESTATIC dev/racetest/substitutes/SubstituteExecutors.newFixedThreadPool (I)");
    }

    private static void resolvesToPublicStatic(String listed) {
        Fixtures.ListedCall call = Fixtures.ListedCall.parse(listed);
        assertThat(call.opcode()).as(listed).isIn(Opcodes.INVOKESTATIC, Opcodes.INVOKESPECIAL);
        if (call.name().equals("<init>")) {
            return;
        }
        assertThat(call.ownerStaticMethods()).as(listed).contains(call.name() + call.descriptor());
    }

    /** Print each site push before a builder hook as the site it names: ids depend on test order. */
    private static String resolveBuilderSites(String listing) {
        List<String> lines = new ArrayList<>(List.of(listing.split("\n", -1)));
        for (int i = 1; i < lines.size(); i++) {
            Matcher push = SITE_PUSH.matcher(lines.get(i - 1));
            if (BUILDER_HOOK.matcher(lines.get(i)).matches() && push.matches()) {
                SyncSite site = SyncSites.get(Integer.parseInt(push.group(1)));
                lines.set(i - 1, "    SITE " + site.kind() + " \"" + site.target() + "\" line " + site.line());
            }
        }
        return String.join("\n", lines);
    }
}
