package dev.racetest.examples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/** Collects, per test, its outcome, its failure message and the racetest report entries. */
final class ExampleListener implements TestExecutionListener {

    private final Map<String, Map<String, String>> entries = new HashMap<>();
    private final List<ExampleResult> results = new ArrayList<>();

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        entries.computeIfAbsent(test.getUniqueId(), id -> new HashMap<>()).putAll(entry.getKeyValuePairs());
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        String message = result.getThrowable().map(Throwable::getMessage).orElse("");
        String name = test.getSource()
                .filter(org.junit.platform.engine.support.descriptor.MethodSource.class::isInstance)
                .map(org.junit.platform.engine.support.descriptor.MethodSource.class::cast)
                .map(source -> simpleName(source.getClassName()) + "." + source.getMethodName())
                .orElse(test.getDisplayName());
        results.add(new ExampleResult(name, result.getStatus() != TestExecutionResult.Status.SUCCESSFUL, message,
                entries.getOrDefault(test.getUniqueId(), Map.of())));
    }

    List<ExampleResult> results() {
        return List.copyOf(results);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
