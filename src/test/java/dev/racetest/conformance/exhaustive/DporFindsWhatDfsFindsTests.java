package dev.racetest.conformance.exhaustive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.RaceTest;
import dev.racetest.engine.execution.TestBodies;
import dev.racetest.instrument.InstrumentationPolicy;
import dev.racetest.instrument.InstrumentingClassLoader;
import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.Explorer;
import dev.racetest.scheduler.RaceDetection;
import dev.racetest.scheduler.RaceMode;
import dev.racetest.scheduler.StrategyKind;
import dev.racetest.scheduler.TestBody;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * DPOR must find every bug exhaustive DFS finds: on every must-fail program of the conformance suite,
 * both explore with the same budget, and each program DFS fails DPOR must fail too. (DPOR prunes
 * interleavings that only reorder independent steps; a program it passed where DFS failed would mean
 * it pruned a real one.) Each also has to fail with the verdict DFS gave, by kind.
 *
 * <p>One program is beyond what DPOR can see, and is listed with the reason in {@link #BEYOND_DPOR}:
 * its bug lives in state only uninstrumented JDK code touches, so no step racetest sees conflicts
 * with another and DPOR (rightly, by what it sees) finds one interleaving. The README says so.
 *
 * <p>The must-fail programs are the fixtures the suite's tests pass to {@code Conformance.failureOf},
 * read from their sources, so a program added to the suite is compared without anyone listing it here.
 */
class DporFindsWhatDfsFindsTests {

    /** Surefire runs in src/test (the module); an IDE may run from the repository root. */
    private static final Path SUITE = Files.isDirectory(Path.of("java/dev/racetest/conformance"))
            ? Path.of("java/dev/racetest/conformance") : Path.of("src/test/java/dev/racetest/conformance");
    private static final Pattern MUST_FAIL = Pattern.compile("failureOf\\((\\w+Fixture)\\.class");
    /** The same for both: enough for DFS to reach the bug in most programs, small enough for CI. */
    private static final ExplorationSettings BUDGET = ExplorationSettings.defaults()
            .withMaxExecutions(1_000).withTimeBudget(Duration.ofSeconds(4)).withExecutionTimeout(Duration.ofSeconds(5))
            .withParallelism(1).withProgressInterval(Duration.ZERO)
            // The programs' documented verdicts, as the suite checks them: a race found first would hide them.
            .withRaces(RaceDetection.defaults().withMode(RaceMode.OFF));

    /** Programs DPOR cannot fail, by design, with why. */
    private static final Map<String, String> BEYOND_DPOR = Map.of(
            "dev.racetest.conformance.threads.HandlerSetAfterStartFixture",
            "the handler is set by Thread.setUncaughtExceptionHandler and read by the JDK when the worker dies,"
                    + " both inside uninstrumented JDK code");

    @Test
    void dporFailsEveryMustFailProgramDfsFails() throws Exception {
        List<String> fixtures = mustFailFixtures();
        assertThat(fixtures).hasSizeGreaterThan(50);
        List<String> missed = new ArrayList<>();
        int dfsFound = 0;
        StringBuilder table = new StringBuilder();
        for (String fixture : fixtures) {
            ExplorationResult dfs = explore(fixture, StrategyKind.DFS);
            ExplorationResult dpor = explore(fixture, StrategyKind.DPOR);
            table.append(String.format(Locale.ROOT, "%-70s dfs %-9s dpor %-9s%n", fixture,
                    found(dfs), found(dpor)));
            if (dfs.failure().isEmpty()) {
                continue;
            }
            dfsFound++;
            boolean sameKind = dpor.failure().isPresent() && dpor.failure().get().outcome().getClass()
                    == dfs.failure().get().outcome().getClass();
            if (!sameKind && !BEYOND_DPOR.containsKey(fixture)) {
                missed.add(fixture + ": DFS found " + dfs.failure().get().outcome().headline() + " in execution "
                        + (dfs.failure().get().executionIndex() + 1) + "; DPOR: "
                        + dpor.failure().map(f -> f.outcome().headline()).orElse("nothing in " + dpor.executions()));
            }
        }
        System.out.println(table);
        System.out.println("DFS failed " + dfsFound + " of " + fixtures.size() + " must-fail programs within the budget");
        assertThat(dfsFound).as("DFS must find most of the suite's bugs, or the comparison says little")
                .isGreaterThan(fixtures.size() / 2);
        assertThat(missed).as("programs DFS failed and DPOR did not").isEmpty();
    }

    private static String found(ExplorationResult result) {
        return result.failure().map(failure -> "@" + (failure.executionIndex() + 1))
                .orElse(result.complete() ? "complete" : "-" + result.executions());
    }

    private static ExplorationResult explore(String fixtureName, StrategyKind strategy) throws Exception {
        ClassLoader parent = DporFindsWhatDfsFindsTests.class.getClassLoader();
        Class<?> fixture = Class.forName(fixtureName, false, parent);
        Method method = raceTestMethod(fixture);
        InstrumentationPolicy policy = InstrumentationPolicy.defaults();
        TestBody body = TestBodies.freshEachRun(() -> new InstrumentingClassLoader(parent, policy),
                new InstrumentingClassLoader(parent, policy), fixture, method);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            return Explorer.explore(BUDGET.withStrategy(strategy), body, fixture.getSimpleName());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Method raceTestMethod(Class<?> fixture) {
        for (Method method : fixture.getDeclaredMethods()) {
            if (method.isAnnotationPresent(RaceTest.class)) {
                return method;
            }
        }
        throw new AssertionError(fixture + " has no @RaceTest method");
    }

    private static List<String> mustFailFixtures() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SUITE)) {
            for (Path test : files.filter(path -> path.toString().endsWith("ConformanceTests.java")).toList()) {
                String source = Files.readString(test);
                String packageName = "dev.racetest.conformance." + SUITE.relativize(test.getParent()).toString().replace('/', '.');
                Matcher matcher = MUST_FAIL.matcher(source);
                while (matcher.find()) {
                    names.add(packageName + "." + matcher.group(1));
                }
            }
        }
        return List.copyOf(names);
    }
}
