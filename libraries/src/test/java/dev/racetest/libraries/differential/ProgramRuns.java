package dev.racetest.libraries.differential;

import dev.racetest.instrument.InstrumentationPolicy;
import dev.racetest.instrument.InstrumentingClassLoader;
import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.Explorer;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Run a generated program's {@code run()} in the three ways the differential test compares, each in
 * a fresh loader so each starts from its own static state.
 */
final class ProgramRuns {

    /** One execution with one thread: no choice to make, so the seed matters only for determinism. */
    private static final ExplorationSettings ONE_EXECUTION = ExplorationSettings.defaults()
            .withMaxExecutions(1).withMaxSteps(50_000_000).withTimeBudget(Duration.ofMinutes(1))
            .withExecutionTimeout(Duration.ofMinutes(1));

    private final URL classes;
    private final ClassLoader parent;

    /** Runs of the programs whose class files are under {@code classes}. */
    ProgramRuns(URL classes, ClassLoader parent) {
        this.classes = classes;
        this.parent = parent;
    }

    /** The class files as compiled, loaded by a plain loader. */
    String uninstrumented(String className) {
        return invoke(newPlainLoader(), className);
    }

    /**
     * Rewritten by {@link InstrumentingClassLoader} and run outside any exploration: every hook finds
     * no handler and falls back to the plain JDK behaviour.
     */
    String instrumentedUncontrolled(String className) {
        return invoke(new InstrumentingClassLoader(newPlainLoader(), InstrumentationPolicy.defaults()), className);
    }

    /**
     * Rewritten and run as a {@code @RaceTest} body is: on a controlled thread of a one-execution
     * exploration, where every hook is a scheduling point of the real scheduler (its monitor model,
     * its substitutes, its virtual clock).
     */
    String instrumentedControlled(String className) {
        AtomicReference<String> output = new AtomicReference<>();
        ExplorationResult result = Explorer.explore(ONE_EXECUTION, () -> output.set(invoke(
                new InstrumentingClassLoader(newPlainLoader(), InstrumentationPolicy.defaults()), className)),
                className);
        if (result.failure().isPresent()) {
            return "the exploration failed: " + result.failure().get().outcome().headline();
        }
        return output.get();
    }

    private URLClassLoader newPlainLoader() {
        return new URLClassLoader(new URL[] {classes}, parent);
    }

    /** Return what {@code run()} returned, or the exception it threw as its output. */
    private static String invoke(ClassLoader loader, String className) {
        try {
            return (String) Class.forName(className, true, loader).getMethod("run").invoke(null);
        } catch (InvocationTargetException e) {
            return "threw " + e.getCause();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not run " + className, e);
        }
    }
}
