package dev.racetest.engine.execution;

import dev.racetest.RaceTestConfigurationException;
import dev.racetest.RaceTestFailure;
import dev.racetest.engine.config.RaceTestConfiguration;
import dev.racetest.engine.config.ResolvedSettings;
import dev.racetest.engine.descriptor.RaceTestMethodDescriptor;
import dev.racetest.engine.failures.FailureMemory;
import dev.racetest.instrument.InstrumentationException;
import dev.racetest.instrument.InstrumentationPolicy;
import dev.racetest.instrument.InstrumentingClassLoader;
import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.Explorer;
import dev.racetest.scheduler.Failure;
import dev.racetest.scheduler.Outcome;
import dev.racetest.scheduler.TestBody;
import dev.racetest.scheduler.runtime.ControlledThreadsUnavailableException;

import java.util.Optional;

import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Run one race test: resolve its settings, load its class through a fresh instrumenting class
 * loader, explore it, publish what was explored, and turn the outcome into a test result.
 *
 * <p>Problems in the test's declaration, configuration or environment fail the test with a
 * {@link RaceTestConfigurationException} (one sentence, no stack trace); a failing interleaving
 * fails it with a {@link RaceTestFailure}; what the test class's static initialiser throws fails it
 * as thrown.
 */
final class MethodRunner {

    private final RaceTestConfiguration configuration;
    private final EngineExecutionListener listener;
    private final FailureReporter reporter;
    private final Summaries summaries;

    MethodRunner(RaceTestConfiguration configuration, EngineExecutionListener listener) {
        this.configuration = configuration;
        this.listener = listener;
        this.reporter = new FailureReporter(configuration, listener);
        this.summaries = new Summaries(configuration, listener);
    }

    /** Run {@code test} and return its result; throws only on a racetest bug. */
    TestExecutionResult run(RaceTestMethodDescriptor test) throws ReflectiveOperationException {
        try {
            if (test.problem().isPresent()) {
                throw new RaceTestConfigurationException(test.problem().get());
            }
            FailureMemory failures = FailureMemory.open(configuration, test.testClass(), test.method(),
                    configuration.settingsFor(test.testClass(), test.method()));
            ResolvedSettings settings = failures.settings();
            ClassLoader parent = test.testClass().getClassLoader();
            InstrumentationPolicy policy = configuration.instrumentationPolicy();
            InstrumentingClassLoader loader = new InstrumentingClassLoader(parent, policy);
            TestBody body = settings.freshStatics()
                    ? TestBodies.freshEachRun(() -> new InstrumentingClassLoader(parent, policy),
                            loader, test.testClass(), test.method())
                    : TestBodies.create(loader, test.testClass(), test.method());
            if (settings.exploration().exhaustive() && settings.exploration().replay().isEmpty()
                    && configuration.checkpointing()) {
                settings = settings.withExploration(settings.exploration()
                        .withCheckpoint(summaries.checkpointFile(test, settings.exploration().shard())));
            }
            String name = test.testClass().getSimpleName() + "#" + test.method().getName();
            ExplorationResult result = explore(settings, body, loader, name);
            failures.explored(result);
            listener.reportingEntryPublished(test, ReportEntries.of(settings, result));
            failures.reportEntry().ifPresent(entry -> listener.reportingEntryPublished(test, entry));
            summaries.write(test, settings, result);
            if (result.failure().isPresent()) {
                Failure failure = result.failure().get();
                Optional<InstrumentationException> notInstrumentable = instrumentationFailure(failure.outcome());
                if (notInstrumentable.isPresent()) {
                    throw notInstrumentable.get();
                }
                throw failures.annotate(reporter.failure(test, failure, result), result);
            }
            return TestExecutionResult.successful();
        } catch (RaceTestConfigurationException | RaceTestFailure failed) {
            return TestExecutionResult.failed(failed);
        } catch (InstrumentationException notInstrumentable) {
            return TestExecutionResult.failed(new RaceTestConfigurationException(
                    notInstrumentable.getMessage(), notInstrumentable.getCause()));
        } catch (ControlledThreadsUnavailableException unavailable) {
            return TestExecutionResult.failed(new RaceTestConfigurationException(sentence(unavailable.getMessage())));
        } catch (ExceptionInInitializerError initializerFailed) {
            return TestExecutionResult.failed(initializerFailed.getCause() != null ? initializerFailed.getCause() : initializerFailed);
        } catch (LinkageError unlinkable) {
            return TestExecutionResult.failed(unlinkable);
        }
    }

    private static ExplorationResult explore(ResolvedSettings settings, TestBody body, ClassLoader loader, String name) {
        // Threads the test creates, and the carrier, inherit the context loader: resources and
        // service lookups then see the instrumented classes too.
        Thread engineThread = Thread.currentThread();
        ClassLoader previous = engineThread.getContextClassLoader();
        engineThread.setContextClassLoader(loader);
        try {
            return Explorer.explore(settings.exploration(), body, name);
        } finally {
            engineThread.setContextClassLoader(previous);
        }
    }

    /** Return the instrumentation failure behind a thread failure, if that is what it is. */
    private static Optional<InstrumentationException> instrumentationFailure(Outcome outcome) {
        if (outcome instanceof Outcome.ThreadFailed failed) {
            Throwable cause = failed.error();
            for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
                if (cause instanceof InstrumentationException instrumentation) {
                    return Optional.of(instrumentation);
                }
            }
        }
        return Optional.empty();
    }

    private static String sentence(String message) {
        return message.endsWith(".") ? message : message + ".";
    }
}
