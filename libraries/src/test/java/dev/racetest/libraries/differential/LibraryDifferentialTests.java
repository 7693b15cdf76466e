package dev.racetest.libraries.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.instrument.InstrumentationPolicy;
import dev.racetest.instrument.InstrumentingClassLoader;
import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.Explorer;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import libprobe.Workloads;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Differential testing on real library code: each {@link Workloads} method, with the library classes
 * it reaches, computes the same instrumented (controlled, in a one-execution exploration, and
 * uncontrolled) as uninstrumented.
 */
class LibraryDifferentialTests {

    private static final ExplorationSettings ONE_EXECUTION = ExplorationSettings.defaults()
            .withMaxExecutions(1).withMaxSteps(50_000_000).withTimeBudget(Duration.ofMinutes(1))
            .withExecutionTimeout(Duration.ofMinutes(1));

    static final java.util.List<String> WORKLOADS = Workloads.NAMES;

    /** A library class each workload reaches, to check it was the instrumented copy that ran. */
    private static final Map<String, String> REACHES = Map.of(
            "guava", "com.google.common.collect.ArrayListMultimap",
            "guavaCache", "com.google.common.cache.LocalCache",
            "caffeine", "com.github.benmanes.caffeine.cache.BoundedLocalCache",
            "commonsLang", "org.apache.commons.lang3.StringUtils",
            "commonsCollections", "org.apache.commons.collections4.bag.TreeBag",
            "jackson", "com.fasterxml.jackson.databind.ObjectMapper",
            "netty", "io.netty.buffer.UnpooledHeapByteBuf",
            "kotlin", "kotlin.collections.CollectionsKt",
            "coroutines", "kotlinx.coroutines.BlockingCoroutine",
            "scala", "scala.collection.immutable.Vector");

    @ParameterizedTest
    @FieldSource("WORKLOADS")
    void aLibraryWorkloadComputesTheSameInstrumented(String workload) {
        ClassLoader testLoader = LibraryDifferentialTests.class.getClassLoader();
        String expected = invoke(testLoader, workload);

        AtomicReference<String> controlled = new AtomicReference<>();
        ExplorationResult result = Explorer.explore(ONE_EXECUTION,
                () -> controlled.set(invoke(instrumenting(testLoader), workload)), workload);
        ClassLoader loader = instrumenting(testLoader);
        String uncontrolled = invoke(loader, workload);

        assertThat(result.failure()).as("the exploration of %s", workload).isEmpty();
        assertThat(expected).doesNotStartWith("threw");
        assertThat(controlled.get()).as("controlled").isEqualTo(expected);
        assertThat(uncontrolled).as("uncontrolled").isEqualTo(expected);
        assertThat(definedLoader(loader, REACHES.get(workload))).as("the library class ran instrumented")
                .isSameAs(loader);
    }

    private static ClassLoader definedLoader(ClassLoader loader, String className) {
        try {
            return Class.forName(className, false, loader).getClassLoader();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ClassLoader instrumenting(ClassLoader parent) {
        return new InstrumentingClassLoader(parent, InstrumentationPolicy.defaults());
    }

    private static String invoke(ClassLoader loader, String workload) {
        try {
            return (String) Class.forName(Workloads.class.getName(), true, loader).getMethod(workload).invoke(null);
        } catch (InvocationTargetException e) {
            return "threw " + e.getCause();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not run " + workload, e);
        }
    }
}
