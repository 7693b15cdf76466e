package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.racetest.fixtures.instrument.ConditionFixture;
import dev.racetest.substitutes.ControlledConditions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.util.CheckClassAdapter;
import org.objectweb.asm.util.Printer;

/**
 * Check the rewriting of {@code newCondition()} and the condition queries: golden listings of what
 * {@link ConditionCallRewriter} alone makes of {@link ConditionFixture} (so that other rewriters'
 * changes do not touch them), and checks of the full chain's output.
 *
 * <p>Regenerate the golden files with {@code -Dracetest.updateGolden=true}, as {@link GoldenTests} says.
 */
class ConditionRewritingTests {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/conditions");
    private static final boolean UPDATE = Boolean.getBoolean("racetest.updateGolden");
    private static final String SUBSTITUTE = "dev/racetest/substitutes/ControlledConditions.";

    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of(ConditionFixture.class, "newConditions"),
                Arguments.of(ConditionFixture.class, "queries"),
                Arguments.of(ConditionFixture.class, "reference"),
                Arguments.of(ConditionFixture.class, MethodReferenceBridges.PREFIX + "newCondition$0"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("methods")
    void rewrittenMethodMatchesGoldenFile(Class<?> fixture, String method) throws IOException {
        String actual = GoldenTests.render(rewriteWithConditionStage(fixture), method);
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
    void fullRewriteOfTheFixtureVerifies() {
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(fullRewrite(ConditionFixture.class)),
                ConditionRewritingTests.class.getClassLoader(), false, new PrintWriter(problems));
        assertThat(problems.toString()).isEmpty();
    }

    @Test
    void fullRewriteSendsEveryJdkLockCallToTheSubstituteAndLeavesTheSubclassAlone() {
        List<String> calls = calls(fullRewrite(ConditionFixture.class), "newConditions", "queries");

        assertThat(calls).filteredOn(call -> call.contains(SUBSTITUTE)).containsExactly(
                "INVOKESTATIC " + SUBSTITUTE + "newCondition(Ljava/util/concurrent/locks/Lock;)"
                        + "Ljava/util/concurrent/locks/Condition;",
                "INVOKESTATIC " + SUBSTITUTE + "newCondition(Ljava/util/concurrent/locks/Lock;)"
                        + "Ljava/util/concurrent/locks/Condition;",
                "INVOKESTATIC " + SUBSTITUTE + "newCondition(Ljava/util/concurrent/locks/Lock;)"
                        + "Ljava/util/concurrent/locks/Condition;",
                "INVOKESTATIC " + SUBSTITUTE + "hasWaiters(Ljava/util/concurrent/locks/ReentrantLock;"
                        + "Ljava/util/concurrent/locks/Condition;)Z",
                "INVOKESTATIC " + SUBSTITUTE + "getWaitQueueLength(Ljava/util/concurrent/locks/ReentrantLock;"
                        + "Ljava/util/concurrent/locks/Condition;)I",
                "INVOKESTATIC " + SUBSTITUTE + "hasWaiters(Ljava/util/concurrent/locks/ReentrantReadWriteLock;"
                        + "Ljava/util/concurrent/locks/Condition;)Z",
                "INVOKESTATIC " + SUBSTITUTE + "getWaitQueueLength(Ljava/util/concurrent/locks/ReentrantReadWriteLock;"
                        + "Ljava/util/concurrent/locks/Condition;)I");
        assertThat(calls).filteredOn(call -> call.contains(".newCondition(") && !call.contains(SUBSTITUTE))
                .containsExactly("INVOKEVIRTUAL dev/racetest/fixtures/instrument/ConditionFixture$OwnLock"
                        + ".newCondition()Ljava/util/concurrent/locks/Condition;");
        assertThat(calls).noneMatch(call -> call.startsWith("INVOKEVIRTUAL java/util/concurrent/locks/Reentrant")
                && (call.contains(".hasWaiters(") || call.contains(".getWaitQueueLength(")));
    }

    @Test
    void substitutesKeepTheirCallsToTheJdk() {
        List<String> calls = calls(fullRewrite(ControlledConditions.class), "newCondition", "hasWaiters");

        assertThat(calls).contains(
                        "INVOKEINTERFACE java/util/concurrent/locks/Lock.newCondition()"
                                + "Ljava/util/concurrent/locks/Condition;",
                        "INVOKEVIRTUAL java/util/concurrent/locks/ReentrantLock.hasWaiters("
                                + "Ljava/util/concurrent/locks/Condition;)Z")
                .noneMatch(call -> call.startsWith("INVOKESTATIC " + SUBSTITUTE + "newCondition(")
                        || call.startsWith("INVOKESTATIC " + SUBSTITUTE + "hasWaiters("));
    }

    /** Return the method calls of the methods {@code names} as {@code OPCODE owner.name(descriptor)}. */
    private static List<String> calls(byte[] classFile, String... names) {
        List<String> calls = new ArrayList<>();
        List<String> wanted = List.of(names);
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return !wanted.contains(name) ? null : new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                                                boolean isInterface) {
                        calls.add(Printer.OPCODES[opcode] + " " + owner + "." + method
                                + methodDescriptor);
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG);
        return calls;
    }

    private static byte[] fullRewrite(Class<?> type) {
        return new ClassRewriter().rewrite(type.getName(), Fixtures.bytes(type),
                ConditionRewritingTests.class.getClassLoader());
    }

    /** Rewrite {@code type} with {@link ConditionCallRewriter} only (and the method-reference bridges). */
    private static byte[] rewriteWithConditionStage(Class<?> type) {
        return Fixtures.rewriteWith(List.of(ConditionCallRewriter::new), type);
    }
}
