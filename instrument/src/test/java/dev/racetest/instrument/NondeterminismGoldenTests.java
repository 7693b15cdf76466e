package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.racetest.fixtures.instrument.IdentityFixture;
import dev.racetest.fixtures.instrument.RandomFixture;
import dev.racetest.fixtures.instrument.ThreadQueryFixture;
import dev.racetest.fixtures.instrument.TimeFixture;
import dev.racetest.instrument.hooks.IdentityHooks;
import dev.racetest.instrument.hooks.RandomHooks;
import dev.racetest.instrument.hooks.ThreadQueryHooks;
import dev.racetest.instrument.hooks.TimeHooks;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Compare the rewritten bytecode of the time, randomness, identity-hash and thread-query fixtures
 * with their golden files, as {@link GoldenTests} does for the sync points (and regenerated the same
 * way, with {@code -Dracetest.updateGolden=true}).
 */
class NondeterminismGoldenTests {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("racetest.updateGolden");
    private static final List<Class<?>> HOOK_CLASSES =
            List.of(TimeHooks.class, RandomHooks.class, IdentityHooks.class, ThreadQueryHooks.class);
    private static final List<Class<?>> FIXTURES = List.of(TimeFixture.class, TimeFixture.Stamp.class,
            RandomFixture.class, RandomFixture.Dice.class, IdentityFixture.class, IdentityFixture.Key.class,
            IdentityFixture.Offset.class, ThreadQueryFixture.class);

    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of(TimeFixture.class, "clocks"),
                Arguments.of(TimeFixture.class, "instants"),
                Arguments.of(TimeFixture.class, "dateTimes"),
                Arguments.of(TimeFixture.class, "references"),
                Arguments.of(TimeFixture.Stamp.class, "<init>"),
                Arguments.of(RandomFixture.class, "twoRandoms"),
                Arguments.of(RandomFixture.class, "threadLocalShapes"),
                Arguments.of(RandomFixture.class, "mathRandoms"),
                Arguments.of(RandomFixture.Dice.class, "<init>"),
                Arguments.of(IdentityFixture.class, "keyHashes"),
                Arguments.of(IdentityFixture.class, "references"),
                Arguments.of(IdentityFixture.Key.class, "hashCode"),
                Arguments.of(IdentityFixture.Offset.class, "hashCode"),
                Arguments.of(ThreadQueryFixture.class, "query"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("methods")
    void rewrittenMethodMatchesGoldenFile(Class<?> fixture, String method) throws IOException {
        byte[] rewritten = new ClassRewriter().rewrite(fixture.getName(), Fixtures.bytes(fixture),
                NondeterminismGoldenTests.class.getClassLoader());
        String actual = GoldenTests.render(rewritten, method);
        assertThat(actual).as("method %s found", method).isNotBlank();
        String className = fixture.getName().substring(Fixtures.PACKAGE.length() + 1).replace('$', '.');
        Path golden = GOLDEN.resolve(className + "." + method.replaceAll("[<>]", "") + ".txt");
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
    void theFixturesCallEveryHookAndEveryCallResolves() {
        Set<String> hooks = HOOK_CLASSES.stream()
                .flatMap(type -> Arrays.stream(type.getMethods()))
                .filter(method -> Modifier.isStatic(method.getModifiers()))
                .map(method -> Type.getInternalName(method.getDeclaringClass()) + "." + method.getName()
                        + Type.getMethodDescriptor(method))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> emitted = new TreeSet<>();
        for (Class<?> fixture : FIXTURES) {
            byte[] rewritten = new ClassRewriter().rewrite(fixture.getName(), Fixtures.bytes(fixture),
                    NondeterminismGoldenTests.class.getClassLoader());
            new ClassReader(rewritten).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String hook, String hookDescriptor,
                                                    boolean isInterface) {
                            if (HOOK_CLASSES.stream().anyMatch(type -> Type.getInternalName(type).equals(owner))) {
                                assertThat(opcode).isEqualTo(Opcodes.INVOKESTATIC);
                                emitted.add(owner + "." + hook + hookDescriptor);
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
        }

        assertThat(emitted).isEqualTo(hooks);
    }
}
