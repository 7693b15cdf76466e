package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.fixtures.instrument.ArrayFixture;
import dev.racetest.fixtures.instrument.AtomicFixture;
import dev.racetest.fixtures.instrument.HandoffFixture;
import dev.racetest.fixtures.instrument.SynchronizedCounterFixture;
import dev.racetest.fixtures.instrument.ThreadControlFixture;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Run fixtures on real, uncontrolled threads through the instrumenting loader and compare each
 * result with the uninstrumented class and with the known answer.
 *
 * <p>The answers hold only if rewritten monitors still exclude (lost updates otherwise), wait/notify
 * still hand off (a hang otherwise, hence the timeout), and stashed values land where they belong.
 */
class LoadAndRunTests {

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of(SynchronizedCounterFixture.class, 40_000),
                Arguments.of(HandoffFixture.class, 500_500),
                Arguments.of(ArrayFixture.class, 62_104),
                Arguments.of(AtomicFixture.class, 80_014),
                Arguments.of(ThreadControlFixture.class, 127));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    @Timeout(60)
    void instrumentedFixtureComputesTheSameResult(Class<? extends IntSupplier> fixture, int expected)
            throws Exception {
        Class<?> instrumented = Fixtures.newLoader().loadClass(fixture.getName());
        assertThat(instrumented).isNotSameAs(fixture);

        int original = fixture.getConstructor().newInstance().getAsInt();
        int rewritten = ((IntSupplier) instrumented.getConstructor().newInstance()).getAsInt();

        assertThat(original).isEqualTo(expected);
        assertThat(rewritten).isEqualTo(expected);
    }
}
