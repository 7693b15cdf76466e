package dev.racetest.benchmarks.bugs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.instrument.InstrumentationPolicy;
import dev.racetest.instrument.InstrumentingClassLoader;
import dev.racetest.scheduler.Outcome;
import dev.racetest.scheduler.Strategy;
import dev.racetest.scheduler.TestBody;
import dev.racetest.scheduler.runtime.Execution;
import dev.racetest.scheduler.RaceDetection;
import dev.racetest.scheduler.RaceMode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reorder programs' bug is reachable with any number of setters, by one depth-2 schedule: the
 * test body starts every thread, the first setter writes {@code a} and is preempted, and the checker
 * runs. The same program passes when the checker runs before any setter, so the failure is the
 * schedule's, not the program's. (Thread ids: the body is 0, setters 1..k, the checker k+1.)
 */
class ReorderChecksTests {

    @ParameterizedTest
    @CsvSource({"threeSetters, 3", "tenSetters, 10", "fiftySetters, 50"})
    void checkerRunningBetweenASettersTwoWritesFails(String method, int setters) throws Exception {
        Strategy script = new PriorityScript(List.of(0, 1, setters + 1), 1);

        Outcome outcome = runOnce(script, method);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.ThreadFailed.class, failed -> {
            assertThat(failed.threadName()).isEqualTo("checker");
            assertThat(failed.error()).isInstanceOf(AssertionError.class).hasMessage("checker saw a = 1, b = 0");
        });
    }

    @ParameterizedTest
    @CsvSource({"threeSetters, 3", "tenSetters, 10", "fiftySetters, 50"})
    void checkerRunningBeforeEverySetterPasses(String method, int setters) throws Exception {
        Strategy script = new PriorityScript(List.of(0, setters + 1), -1);

        assertThat(runOnce(script, method)).isInstanceOf(Outcome.Passed.class);
    }

    private static Outcome runOnce(Strategy strategy, String method) throws ReflectiveOperationException {
        ClassLoader loader = new InstrumentingClassLoader(ReorderChecksTests.class.getClassLoader(),
                InstrumentationPolicy.defaults());
        Method program = Class.forName(ReorderChecks.class.getName(), true, loader).getMethod(method);
        TestBody body = () -> {
            try {
                program.invoke(null);
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
            }
        };
        strategy.beginExecution(0);
        return new Execution(strategy, 100_000, Duration.ofSeconds(30), Execution.DEFAULT_SPURIOUS_WAKEUPS,
                Execution.DEFAULT_MAX_STALL, RaceDetection.defaults().withMode(RaceMode.OFF), false).run(body);
    }
}
