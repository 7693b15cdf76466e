package dev.racetest.engine.execution;

import dev.racetest.engine.config.RaceTestConfiguration;
import dev.racetest.engine.descriptor.RaceTestMethodDescriptor;

import java.util.List;

import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Execute a discovered tree: the engine, each class container, and each race test in turn, one at a
 * time (an exploration already keeps a carrier thread and a watchdog busy).
 *
 * <p>Every test ends in exactly one {@code executionFinished} event: whatever goes wrong while one
 * test runs, including a bug in racetest, fails that test and the run goes on with the next.
 */
public final class RaceTestExecutor {

    private final ExecutionRequest request;
    private final EngineExecutionListener listener;
    private final CancellationToken cancellation;
    private final MethodRunner runner;

    /** Create an executor for {@code request}. */
    public RaceTestExecutor(ExecutionRequest request) {
        this.request = request;
        this.listener = request.getEngineExecutionListener();
        this.cancellation = request.getCancellationToken();
        this.runner = new MethodRunner(new RaceTestConfiguration(request.getConfigurationParameters()), listener);
    }

    /** Run every test under the request's root and report each to the request's listener. */
    public void execute() {
        TestDescriptor engine = request.getRootTestDescriptor();
        listener.executionStarted(engine);
        executeChildren(engine);
        listener.executionFinished(engine, TestExecutionResult.successful());
    }

    private void execute(TestDescriptor descriptor) {
        if (cancellation.isCancellationRequested()) {
            listener.executionSkipped(descriptor, "the test run was cancelled");
            return;
        }
        listener.executionStarted(descriptor);
        TestExecutionResult result;
        if (descriptor instanceof RaceTestMethodDescriptor test) {
            result = runGuarded(test);
        } else {
            executeChildren(descriptor);
            result = TestExecutionResult.successful();
        }
        listener.executionFinished(descriptor, result);
    }

    private void executeChildren(TestDescriptor parent) {
        for (TestDescriptor child : List.copyOf(parent.getChildren())) {
            execute(child);
        }
    }

    private TestExecutionResult runGuarded(RaceTestMethodDescriptor test) {
        try {
            return runner.run(test);
        } catch (Throwable internal) {
            // MethodRunner turns every expected problem into a result; this is a racetest bug, and it
            // fails this one test with its stack trace rather than the whole engine.
            if (internal instanceof OutOfMemoryError outOfMemory) {
                throw outOfMemory;
            }
            return TestExecutionResult.failed(internal);
        }
    }
}
