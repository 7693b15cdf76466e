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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Modifier;
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
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.util.CheckClassAdapter;

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
        String actual = GoldenTests.render(rewriteWithTheseStages(fixture), method);
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
            StringWriter problems = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(fullRewrite(fixture)), getClass().getClassLoader(), false,
                    new PrintWriter(problems));
            assertThat(problems.toString()).as(fixture.getName()).isEmpty();
        }
    }

    @Test
    void fullRewriteLeavesNoEscapingJdkCallAndCallsOnlyRealSubstitutes() {
        List<String> calls = new ArrayList<>();
        List<String> news = new ArrayList<>();
        for (Class<?> fixture : List.of(AsyncFixture.class, AsyncFixture.Sum.class)) {
            collect(fullRewrite(fixture), calls, news);
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
        String references = GoldenTests.render(fullRewrite(AsyncFixture.class), "references");

        assertThat(references)
                .contains("dev/racetest/substitutes/AsyncSubstitutes.supplyAsync(Ljava/util/function/Supplier;)")
                .contains("dev/racetest/substitutes/ForkJoinSubstitutes.fork(Ljava/util/concurrent/ForkJoinTask;)")
                .contains("dev/racetest/substitutes/ControlledForkJoinPool.<init>(I)V")
                .contains("dev/racetest/substitutes/ControlledTimer.<init>(Z)V")
                .contains("dev/racetest/substitutes/TimerTaskStates.cancel(Ljava/util/TimerTask;)Z")
                .doesNotContain("java/util/concurrent/CompletableFuture.supplyAsync(")
                .doesNotContain("java/util/concurrent/ForkJoinTask.fork(")
                .doesNotContain("java/util/concurrent/ForkJoinPool.<init>(")
                .doesNotContain("java/util/Timer.<init>(")
                .doesNotContain("java/util/TimerTask.cancel(");
    }

    @Test
    void callsThatPassAnExecutorStayAsTheyWere() {
        String futures = GoldenTests.render(fullRewrite(AsyncFixture.class), "futures");

        assertThat(futures).contains("INVOKESTATIC java/util/concurrent/CompletableFuture.supplyAsync "
                + "(Ljava/util/function/Supplier;Ljava/util/concurrent/Executor;)");
    }

    @Test
    void userSubclassesKeepTheirJdkSuperConstructorsAndSuperCalls() {
        assertThat(GoldenTests.render(fullRewrite(AsyncFixture.OwnPool.class), "<init>"))
                .contains("INVOKESPECIAL java/util/concurrent/ForkJoinPool.<init> (I)V").doesNotContain("Controlled");
        assertThat(GoldenTests.render(fullRewrite(AsyncFixture.OwnTimer.class), "<init>"))
                .contains("INVOKESPECIAL java/util/Timer.<init> (Z)V").doesNotContain("Controlled");
        assertThat(GoldenTests.render(fullRewrite(AsyncFixture.OwnTask.class), "cancel"))
                .contains("INVOKESPECIAL java/util/TimerTask.cancel ()Z").doesNotContain("TimerTaskStates");
    }

    @Test
    void substitutesKeepTheirCallsToTheJdk() {
        assertThat(GoldenTests.render(fullRewrite(ForkJoinSubstitutes.class), "commonPool"))
                .contains("INVOKESTATIC java/util/concurrent/ForkJoinPool.commonPool ()");
        assertThat(GoldenTests.render(fullRewrite(ForkJoinSubstitutes.class), "fork"))
                .contains("INVOKEVIRTUAL java/util/concurrent/ForkJoinTask.fork ()");
        assertThat(GoldenTests.render(fullRewrite(AsyncTimeouts.class), "orTimeout"))
                .contains("INVOKEVIRTUAL java/util/concurrent/CompletableFuture.orTimeout (");
        assertThat(GoldenTests.render(fullRewrite(TimerTaskStates.class), "cancel"))
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

    private static void collect(byte[] classFile, List<String> calls, List<String> news) {
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        if (opcode == Opcodes.NEW) {
                            news.add(type);
                        }
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                                                boolean isInterface) {
                        calls.add(opcode + " " + owner + "." + method + methodDescriptor);
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG);
    }

    private static void resolvesToPublicStaticOrConstructor(String call) {
        String[] parts = call.split(" ", 2);
        String owner = parts[1].substring(0, parts[1].lastIndexOf('.', parts[1].indexOf('(')));
        String nameAndDescriptor = parts[1].substring(owner.length() + 1);
        String name = nameAndDescriptor.substring(0, nameAndDescriptor.indexOf('('));
        String descriptor = nameAndDescriptor.substring(name.length());
        try {
            Class<?> type = Class.forName(owner.replace('/', '.'), false, AsyncRewritingTests.class.getClassLoader());
            if (name.equals("<init>")) {
                assertThat(Integer.parseInt(parts[0])).as(call).isEqualTo(Opcodes.INVOKESPECIAL);
                assertThat(Arrays.stream(type.getConstructors()).map(Type::getConstructorDescriptor)).as(call)
                        .contains(descriptor);
                return;
            }
            assertThat(Integer.parseInt(parts[0])).as(call).isEqualTo(Opcodes.INVOKESTATIC);
            assertThat(Arrays.stream(type.getMethods())
                    .filter(method -> Modifier.isStatic(method.getModifiers()))
                    .map(method -> method.getName() + Type.getMethodDescriptor(method)))
                    .as(call).contains(name + descriptor);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(call + " names a class that does not exist", e);
        }
    }

    private static byte[] fullRewrite(Class<?> type) {
        return new ClassRewriter().rewrite(type.getName(), Fixtures.bytes(type), AsyncRewritingTests.class.getClassLoader());
    }

    /** Rewrite {@code type} with the fork/join, async and timer rewriters only. */
    private static byte[] rewriteWithTheseStages(Class<?> type) {
        ClassLoader loader = AsyncRewritingTests.class.getClassLoader();
        ClassHierarchy hierarchy = ClassHierarchy.of(loader);
        ClassContext context = new ClassContext(hierarchy);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                return hierarchy.commonSuperClass(type1, type2);
            }
        };
        ClassVisitor chain = writer;
        for (BiFunction<ClassVisitor, ClassContext, ClassVisitor> stage : STAGES.reversed()) {
            chain = stage.apply(chain, context);
        }
        new ClassReader(Fixtures.bytes(type)).accept(new ClassContext.Collector(chain, context), ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}
