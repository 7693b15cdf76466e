package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.racetest.fixtures.instrument.AsyncFixture;
import dev.racetest.substitutes.AsyncTimeouts;
import dev.racetest.substitutes.ControlledForkJoinPool;
import dev.racetest.substitutes.ControlledTimer;
import dev.racetest.substitutes.ForkJoinSubstitutes;
import dev.racetest.substitutes.TimerTaskStates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Check the fork/join, async and timer rewriting: golden listings of what these rewriters alone make
 * of {@link AsyncFixture} (so that other rewriters' changes do not touch them), and checks of the full
 * chain's output.
 *
 * <p>Regenerate the golden files with {@code -Dracetest.updateGolden=true}, as {@link GoldenTests} says.
 */
class AsyncRewritingTests {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/async");
    private static final boolean UPDATE = Boolean.getBoolean("racetest.updateGolden");

    /** These rewriters, in their order in {@link ClassRewriter}. */
    private static final List<BiFunction<ClassVisitor, ClassContext, ClassVisitor>> STAGES = List.of(
            ForkJoinCallRewriter::new, AsyncCallRewriter::new, TimerCallRewriter::new);

    private static final List<Class<?>> FIXTURES = List.of(AsyncFixture.class, AsyncFixture.Sum.class,
            AsyncFixture.OwnPool.class, AsyncFixture.OwnTimer.class, AsyncFixture.OwnTask.class);

    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of(AsyncFixture.class, "forkJoin"),
                Arguments.of(AsyncFixture.class, "futures"),
                Arguments.of(AsyncFixture.class, "timers"),
                Arguments.of(AsyncFixture.class, "references"),
                Arguments.of(AsyncFixture.Sum.class, "compute"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("methods")
    void rewrittenMethodMatchesGoldenFile(Class<?> fixture, String method) throws IOException {
        String actual = GoldenTests.render(Fixtures.rewriteWith(STAGES, fixture), method);
        assertThat(actual).as("method %s found", method).isNotBlank();
        Path golden = GOLDEN.resolve(fixture.getSimpleName() + "." + method + ".txt");
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
        for (Class<?> fixture : FIXTURES) {
            assertThat(Fixtures.verificationProblems(Fixtures.fullRewrite(fixture))).as(fixture.getName()).isEmpty();
        }
    }

    @Test
    void fullRewriteLeavesNoEscapingJdkCallAndCallsOnlyRealSubstitutes() {
        List<String> calls = new ArrayList<>();
        List<String> news = new ArrayList<>();
        for (Class<?> fixture : List.of(AsyncFixture.class, AsyncFixture.Sum.class)) {
            Fixtures.collectCalls(Fixtures.fullRewrite(fixture), calls, news);
        }

        assertThat(calls.stream().filter(call -> !call.contains(" dev/racetest/substitutes/")))
                .noneMatch(call -> call.contains("java/util/concurrent/ForkJoinPool.commonPool"))
                .noneMatch(call -> call.contains("java/util/concurrent/ForkJoinPool.<init>"))
                .noneMatch(call -> call.matches(".*\\.fork\\(\\)Ljava/util/concurrent/ForkJoinTask;"))
                .noneMatch(call -> call.matches(".*\\.invokeAll\\(.*ForkJoinTask.*"))
                .noneMatch(call -> call.matches(".*\\.invokeAll\\(Ljava/util/Collection;\\)Ljava/util/Collection;"))
                .noneMatch(call -> call.matches(".*CompletableFuture\\.\\w+Async\\((?!.*Executor;\\)).*"))
                .noneMatch(call -> call.matches(".*CompletionStage\\.\\w+Async\\((?!.*Executor;\\)).*"))
                .noneMatch(call -> call.matches(".*CompletableFuture\\.(orTimeout|completeOnTimeout|delayedExecutor).*"))
                .noneMatch(call -> call.contains("java/util/Timer.<init>"))
                .noneMatch(call -> call.matches(".*\\.(cancel\\(\\)Z|scheduledExecutionTime\\(\\)J)"));
        assertThat(news).doesNotContain("java/util/concurrent/ForkJoinPool", "java/util/Timer")
                .contains(Type.getInternalName(ControlledForkJoinPool.class), Type.getInternalName(ControlledTimer.class));
        List<String> substituteCalls = calls.stream().filter(call -> call.contains(" dev/racetest/substitutes/")).toList();
        assertThat(substituteCalls).hasSizeGreaterThan(30).allSatisfy(AsyncRewritingTests::resolvesToPublicStaticOrConstructor);
    }

    @Test
    void methodReferencesAreRedirectedLikeCalls() {
        byte[] rewritten = Fixtures.fullRewrite(AsyncFixture.class);
        String references = GoldenTests.render(rewritten, "references");
        String bridges = GoldenTests.render(rewritten, name -> name.startsWith(MethodReferenceBridges.PREFIX));

        assertThat(references)
                .contains("AsyncFixture.racetest$ref$supplyAsync$", "AsyncFixture.racetest$ref$fork$",
                        "AsyncFixture.racetest$ref$new$", "AsyncFixture.racetest$ref$cancel$")
                .doesNotContain("java/util/concurrent/CompletableFuture.supplyAsync(")
                .doesNotContain("java/util/concurrent/ForkJoinTask.fork(")
                .doesNotContain("java/util/concurrent/ForkJoinPool.<init>(")
                .doesNotContain("java/util/Timer.<init>(")
                .doesNotContain("java/util/TimerTask.cancel(");
        assertThat(bridges)
                .contains("INVOKESTATIC dev/racetest/substitutes/AsyncSubstitutes.supplyAsync (Ljava/util/function/Supplier;)")
                .contains("INVOKESTATIC dev/racetest/substitutes/ForkJoinSubstitutes.fork (Ljava/util/concurrent/ForkJoinTask;)")
                .contains("INVOKESPECIAL dev/racetest/substitutes/ControlledForkJoinPool.<init> (I)V")
                .contains("INVOKESPECIAL dev/racetest/substitutes/ControlledTimer.<init> (Z)V")
                .contains("INVOKESTATIC dev/racetest/substitutes/TimerTaskStates.cancel (Ljava/util/TimerTask;)Z")
                .doesNotContain("java/util/concurrent/CompletableFuture.supplyAsync ")
                .doesNotContain("java/util/concurrent/ForkJoinTask.fork ")
                .doesNotContain("java/util/concurrent/ForkJoinPool.<init> ")
                .doesNotContain("java/util/Timer.<init> ")
                .doesNotContain("java/util/TimerTask.cancel ");
    }

    @Test
    void callsThatPassAnExecutorStayAsTheyWere() {
        String futures = GoldenTests.render(Fixtures.fullRewrite(AsyncFixture.class), "futures");

        assertThat(futures).contains("INVOKESTATIC java/util/concurrent/CompletableFuture.supplyAsync "
                + "(Ljava/util/function/Supplier;Ljava/util/concurrent/Executor;)");
    }

    @Test
    void userSubclassesKeepTheirJdkSuperConstructorsAndSuperCalls() {
        assertThat(GoldenTests.render(Fixtures.fullRewrite(AsyncFixture.OwnPool.class), "<init>"))
                .contains("INVOKESPECIAL java/util/concurrent/ForkJoinPool.<init> (I)V").doesNotContain("Controlled");
        assertThat(GoldenTests.render(Fixtures.fullRewrite(AsyncFixture.OwnTimer.class), "<init>"))
                .contains("INVOKESPECIAL java/util/Timer.<init> (Z)V").doesNotContain("Controlled");
        assertThat(GoldenTests.render(Fixtures.fullRewrite(AsyncFixture.OwnTask.class), "cancel"))
                .contains("INVOKESPECIAL java/util/TimerTask.cancel ()Z").doesNotContain("TimerTaskStates");
    }

    @Test
    void substitutesKeepTheirCallsToTheJdk() {
        assertThat(GoldenTests.render(Fixtures.fullRewrite(ForkJoinSubstitutes.class), "commonPool"))
                .contains("INVOKESTATIC java/util/concurrent/ForkJoinPool.commonPool ()");
        assertThat(GoldenTests.render(Fixtures.fullRewrite(ForkJoinSubstitutes.class), "fork"))
                .contains("INVOKEVIRTUAL java/util/concurrent/ForkJoinTask.fork ()");
        assertThat(GoldenTests.render(Fixtures.fullRewrite(AsyncTimeouts.class), "orTimeout"))
                .contains("INVOKEVIRTUAL java/util/concurrent/CompletableFuture.orTimeout (");
        assertThat(GoldenTests.render(Fixtures.fullRewrite(TimerTaskStates.class), "cancel"))
                .contains("INVOKEVIRTUAL java/util/TimerTask.cancel ()Z");
    }

    @Test
    void everyForkJoinPoolAndTimerConstructorHasItsTwin() {
        // The rewriters check this when they are initialised; touching them is the test.
        assertThat(new ForkJoinCallRewriter(null, null)).isNotNull();
        assertThat(new TimerCallRewriter(null, null)).isNotNull();
        assertThat(ControlledForkJoinPool.class.getConstructors()).hasSize(4);
        assertThat(ControlledTimer.class.getConstructors()).hasSize(4);
    }

    private static void resolvesToPublicStaticOrConstructor(String listed) {
        Fixtures.ListedCall call = Fixtures.ListedCall.parse(listed);
        Class<?> type = call.ownerClass();
        if (call.name().equals("<init>")) {
            assertThat(call.opcode()).as(listed).isEqualTo(Opcodes.INVOKESPECIAL);
            assertThat(Arrays.stream(type.getConstructors()).map(Type::getConstructorDescriptor)).as(listed)
                    .contains(call.descriptor());
            return;
        }
        assertThat(call.opcode()).as(listed).isEqualTo(Opcodes.INVOKESTATIC);
        assertThat(call.ownerStaticMethods()).as(listed).contains(call.name() + call.descriptor());
    }
}
