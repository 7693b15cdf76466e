package dev.racetest.examples;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main job: explores every {@code @RaceTest} under {@code dev.racetest.examples} through the
 * JUnit Platform, exactly as a build tool would, prints each bug found with its replay line, then
 * replays the first bug from that line alone and checks it fails again in execution 1.
 *
 * <p>With {@code -Dracetest.replay=<class>#<method>:<token>} it only replays that one test.
 * Exits non-zero when a replay does not reproduce its failure.
 */
public final class RunExamples {

    private static final String EXAMPLES_PACKAGE = "dev.racetest.examples";
    private static final String REPLAY_KEY = "racetest.replay";

    private RunExamples() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        String replay = System.getProperty(REPLAY_KEY, "").strip();
        boolean ok = replay.isEmpty() ? exploreAllThenReplayOne(out) : replayOnly(replay, out);
        System.exit(ok ? 0 : 1);
    }

    private static boolean exploreAllThenReplayOne(PrintStream out) {
        out.println("racetest examples: exploring every @RaceTest in " + EXAMPLES_PACKAGE);
        out.println();
        List<ExampleResult> results = run(selectPackage(EXAMPLES_PACKAGE), null);
        for (ExampleResult result : results) {
            result.print(out);
        }
        long bugs = results.stream().filter(ExampleResult::failed).count();
        out.printf("Summary: %d tests, %d bugs found, %d passed every execution.%n%n",
                results.size(), bugs, results.size() - bugs);
        Optional<ExampleResult> first = results.stream().filter(ExampleResult::failed).findFirst();
        if (first.isEmpty()) {
            out.println("No bug was found, so there is nothing to replay.");
            return false;
        }
        String replayValue = first.get().replayValue().orElse(null);
        if (replayValue == null) {
            out.println("The first failure has no replay line: " + first.get().displayName());
            return false;
        }
        out.println("Replaying the first bug from its replay line, alone:");
        out.println("  ./mvnw -q -Pexamples verify -D" + REPLAY_KEY + "=" + replayValue);
        out.println();
        return replayOnly(replayValue, out, first.get());
    }

    private static boolean replayOnly(String replayValue, PrintStream out) {
        return replayOnly(replayValue, out, null);
    }

    private static boolean replayOnly(String replayValue, PrintStream out, ExampleResult original) {
        int hash = replayValue.indexOf('#');
        int colon = replayValue.indexOf(':', Math.max(hash, 0));
        if (hash <= 0 || colon <= hash + 1) {
            out.println(REPLAY_KEY + " must look like <fully.qualified.Class>#<method>:<token>, but was '" + replayValue
                    + "': copy the whole value from a failure report.");
            return false;
        }
        String test = replayValue.substring(0, colon);
        List<ExampleResult> results = run(selectMethod(test), replayValue);
        if (results.isEmpty()) {
            out.println("No @RaceTest matches '" + test + "': check the class and method name in the replay value.");
            return false;
        }
        ExampleResult replayed = results.getFirst();
        replayed.print(out);
        if (!replayed.failed()) {
            out.println("The replayed schedule passed: the failure does not reproduce.");
            return false;
        }
        boolean firstExecution = replayed.message().contains("Replayed from a schedule");
        boolean sameVerdict = original == null || original.headline().equals(replayed.headline());
        out.println(firstExecution && sameVerdict
                ? "Reproduced: the replay fails in execution 1 with the same verdict."
                : "The replay failed differently from the original run.");
        return firstExecution && sameVerdict;
    }

    private static List<ExampleResult> run(DiscoverySelector selector, String replayValue) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selector)
                .filters(includeEngines("racetest"));
        if (replayValue != null) {
            request.configurationParameter(REPLAY_KEY, replayValue);
        }
        LauncherDiscoveryRequest built = request.build();
        ExampleListener listener = new ExampleListener();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(built, listener);
        return listener.results();
    }
}
