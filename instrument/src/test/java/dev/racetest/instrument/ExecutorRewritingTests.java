package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.racetest.fixtures.instrument.ExecutorFixture;
import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.instrument.hooks.ThreadBuilderHooks;
import dev.racetest.substitutes.SubstituteExecutors;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        String actual = resolveBuilderSites(GoldenTests.render(rewriteWithExecutorStages(fixture), method));
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
            byte[] rewritten = fullRewrite(fixture);
            StringWriter problems = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(rewritten), ExecutorRewritingTests.class.getClassLoader(), false,
                    new PrintWriter(problems));
            assertThat(problems.toString()).as(fixture.getName()).isEmpty();
        }
    }

    @Test
    void fullRewriteLeavesNoThreadCreatingJdkCallAndCallsOnlyRealSubstitutes() {
        List<String> calls = new ArrayList<>();
        List<String> news = new ArrayList<>();
        for (Class<?> fixture : List.of(ExecutorFixture.class, ExecutorFixture.CountingPool.class)) {
            new ClassReader(fullRewrite(fixture)).accept(new ClassVisitor(Opcodes.ASM9) {
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
        String init = GoldenTests.render(fullRewrite(ExecutorFixture.ScheduledSubclass.class), "<init>");

        assertThat(init).contains("INVOKESPECIAL java/util/concurrent/ScheduledThreadPoolExecutor.<init> (I)V")
                .doesNotContain("ControlledScheduledExecutor");
    }

    @Test
    void substitutesKeepTheirCallsToTheJdk() {
        String rewritten = GoldenTests.render(fullRewrite(SubstituteExecutors.class), "newFixedThreadPool");

        assertThat(rewritten).contains("INVOKESTATIC java/util/concurrent/Executors.newFixedThreadPool (I)")
                .doesNotContain("INVOKESTATIC dev/racetest/substitutes/SubstituteExecutors.newFixedThreadPool (I)");
    }

    private static void resolvesToPublicStatic(String call) {
        String[] parts = call.split(" ", 2);
        String owner = parts[1].substring(0, parts[1].lastIndexOf('.', parts[1].indexOf('(')));
        String nameAndDescriptor = parts[1].substring(owner.length() + 1);
        String name = nameAndDescriptor.substring(0, nameAndDescriptor.indexOf('('));
        String descriptor = nameAndDescriptor.substring(name.length());
        assertThat(Integer.parseInt(parts[0])).as(call).isIn(Opcodes.INVOKESTATIC, Opcodes.INVOKESPECIAL);
        if (name.equals("<init>")) {
            return;
        }
        try {
            Class<?> type = Class.forName(owner.replace('/', '.'), false,
                    ExecutorRewritingTests.class.getClassLoader());
            assertThat(Arrays.stream(type.getMethods())
                    .filter(method -> Modifier.isStatic(method.getModifiers()))
                    .map(method -> method.getName() + Type.getMethodDescriptor(method)))
                    .as(call).contains(name + descriptor);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(call + " names a class that does not exist", e);
        }
    }

    private static byte[] fullRewrite(Class<?> type) {
        return new ClassRewriter().rewrite(type.getName(), Fixtures.bytes(type),
                ExecutorRewritingTests.class.getClassLoader());
    }

    /** Rewrite {@code type} with the executor and builder rewriters only. */
    private static byte[] rewriteWithExecutorStages(Class<?> type) {
        ClassLoader loader = ExecutorRewritingTests.class.getClassLoader();
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
        new ClassReader(Fixtures.bytes(type))
                .accept(new ClassContext.Collector(chain, context), ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
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
