package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.racetest.fixtures.instrument.RandomFixture;
import dev.racetest.instrument.hooks.RandomHooks;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

/** Run {@link RandomFixture} rewritten, with seeds from an {@link AnsweringHandler} and without one. */
class RandomnessRewriterTests {

    private final Class<?> fixture = load();

    private static Class<?> load() {
        try {
            return Fixtures.newLoader().loadClass(RandomFixture.class.getName());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object run(AnsweringHandler handler, String method, Object... arguments) throws Exception {
        Class<?>[] types = Arrays.stream(arguments).map(argument -> argument instanceof Integer ? int.class : argument.getClass())
                .toArray(Class<?>[]::new);
        Method target = fixture.getMethod(method, types);
        return handler == null ? target.invoke(null, arguments) : handler.call(() -> target.invoke(null, arguments));
    }

    @Test
    void unseededGeneratorsGetTheHandlersSeeds() throws Exception {
        AnsweringHandler handler = new AnsweringHandler();
        handler.firstSeed = 11;

        long[] draws = (long[]) run(handler, "twoRandoms");
        long[] others = (long[]) run(handler, "otherGenerators");

        assertThat(draws).containsExactly(new Random(11).nextLong(), new Random(12).nextLong());
        assertThat(others).containsExactly(new SplittableRandom(13).nextLong(), new Random(14).nextLong());
    }

    @Test
    void threadLocalRandomIsReproducibleUnderAFixedSeed() throws Exception {
        AnsweringHandler first = new AnsweringHandler();
        AnsweringHandler second = new AnsweringHandler();
        AnsweringHandler otherSeed = new AnsweringHandler();
        otherSeed.firstSeed = 43;

        Object draws = run(first, "threadLocalInts", 20);

        Random expected = new Random(42);
        assertThat(draws).isEqualTo(IntStream.range(0, 20).map(i -> expected.nextInt(10)).boxed().toList());
        assertThat(run(second, "threadLocalInts", 20)).isEqualTo(draws);
        assertThat(run(otherSeed, "threadLocalInts", 20)).isNotEqualTo(draws);
    }

    @Test
    void threadLocalRandomIsSubstitutedWhateverTheStaticType() throws Exception {
        Object draws = run(new AnsweringHandler(), "threadLocalShapes");

        Random expected = new Random(42);
        byte[] bytes = new byte[4];
        expected.nextBytes(bytes);
        assertThat(draws).isEqualTo(List.of(expected.nextLong(5, 10), expected.nextDouble(), expected.nextInt(100),
                expected.nextInt(100), expected.nextFloat(1f, 2f),
                expected.ints(3, 0, 10).boxed().collect(Collectors.toList()), bytes[0]));
    }

    @Test
    void seedingTheThreadLocalRandomStillFails() {
        assertThatThrownBy(() -> run(new AnsweringHandler(), "seedThreadLocal"))
                .isInstanceOf(InvocationTargetException.class)
                .cause().isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mathRandomUuidsAndShufflesDrawFromTheThreadsSeededGenerator() throws Exception {
        double[] doubles = (double[]) run(new AnsweringHandler(), "mathRandoms");
        UUID uuid = (UUID) run(new AnsweringHandler(), "uuid");
        Object shuffled = run(new AnsweringHandler(), "shuffled");

        Random expected = new Random(42);
        assertThat(doubles).containsExactly(expected.nextDouble(), expected.nextDouble());
        Random forUuid = new Random(42);
        assertThat(uuid.version()).isEqualTo(4);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() & ~0xF000L).isEqualTo(forUuid.nextLong() & ~0xF000L);
        assertThat(uuid.getLeastSignificantBits() << 2).isEqualTo(forUuid.nextLong() << 2);
        List<Integer> list = IntStream.range(0, 10).boxed().collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(list, new Random(42));
        assertThat(shuffled).isEqualTo(list);
    }

    @Test
    void methodReferencesDrawFromTheThreadsSeededGenerator() throws Exception {
        long[] draws = (long[]) run(new AnsweringHandler(), "references");

        Random expected = new Random(42);
        assertThat(draws).containsExactly(Double.doubleToLongBits(expected.nextDouble()),
                (expected.nextLong() & ~0xF000L) | 0x4000L);
    }

    @Test
    void uncontrolledThreadsGetTheJdksRandomness() throws Exception {
        ThreadLocalRandom local = ThreadLocalRandom.current();
        Random plain = new Random(1);

        long[] draws = (long[]) run(null, "twoRandoms");
        UUID uuid = (UUID) run(null, "uuid");

        assertThat(RandomHooks.substitute(local)).isSameAs(local);
        assertThat(RandomHooks.substitute((Random) local)).isSameAs(local);
        assertThat(RandomHooks.substitute(plain)).isSameAs(plain);
        assertThat(draws[0]).as("seeded by ThreadLocalRandom, not 42").isNotEqualTo(draws[1])
                .isNotEqualTo(new Random(42).nextLong());
        assertThat(uuid.version()).isEqualTo(4);
        assertThat((List<?>) run(null, "threadLocalInts", 5)).hasSize(5);
        assertThatThrownBy(() -> run(null, "seedThreadLocal")).cause().isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyThreadLocalRandomMethodButSetSeedMovesToRandom() {
        List<String> expected = Arrays.stream(ThreadLocalRandom.class.getMethods())
                .filter(method -> !Modifier.isStatic(method.getModifiers()))
                .filter(method -> method.getDeclaringClass() != Object.class && !method.getName().equals("setSeed"))
                .map(method -> method.getName() + Type.getMethodDescriptor(method))
                .toList();

        assertThat(RandomnessRewriter.GENERATOR_CALLS).containsExactlyInAnyOrderElementsOf(expected)
                .contains("nextInt(I)I", "nextBytes([B)V", "nextGaussian(DD)D");
    }
}
