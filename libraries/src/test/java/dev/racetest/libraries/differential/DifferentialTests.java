package dev.racetest.libraries.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.MalformedURLException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential testing of the instrumenter: a single-threaded program prints the same whether it
 * runs as compiled or instrumented.
 *
 * <p>200 programs from fixed seeds ({@link ProgramGenerator}) are compiled once and each run three
 * ways ({@link ProgramRuns}). The comparison that matters is the controlled one: instrumented code
 * runs for real only inside an exploration, where hooks are scheduling points of the scheduler and
 * monitors, conditions, executors and clocks are racetest's models. The uncontrolled run checks the
 * other promise, that instrumented classes behave as the JDK does on a thread racetest does not control
 * (a hook with no handler falls back to {@code UncontrolledHandler}, and outside an exploration no
 * listener reports the thread). Both must print exactly what the original prints.
 */
class DifferentialTests {

    private static final int PROGRAMS = 200;
    /** Seeds are fixed: the same 200 programs every run. */
    private static final long FIRST_SEED = 1_000;

    @TempDir
    static Path classes;

    /**
     * A program whose output racetest changes on purpose under control (identity hash codes come from
     * the scheduler), to show that the controlled run really runs rewritten code through the hooks.
     */
    private static final String CANARY = ProgramGenerator.PACKAGE + ".Canary";

    private static ProgramRuns runs;

    @BeforeAll
    static void compilePrograms() throws MalformedURLException {
        Map<String, String> sources = new LinkedHashMap<>();
        for (long seed = FIRST_SEED; seed < FIRST_SEED + PROGRAMS; seed++) {
            sources.put(className(seed), ProgramGenerator.source(seed));
        }
        sources.put(CANARY, """
                package %s;

                public final class Canary {
                    public static String run() {
                        return System.identityHashCode(new Object()) + " " + new Object().hashCode();
                    }
                }
                """.formatted(ProgramGenerator.PACKAGE));
        SourceCompiler.compile(sources, classes);
        runs = new ProgramRuns(classes.toUri().toURL(), DifferentialTests.class.getClassLoader());
    }

    @Test
    void instrumentedProgramsPrintWhatTheOriginalsPrint() {
        List<String> differences = new ArrayList<>();
        long outputChars = 0;
        for (long seed = FIRST_SEED; seed < FIRST_SEED + PROGRAMS; seed++) {
            String name = className(seed);
            String expected = runs.uninstrumented(name);
            outputChars += expected.length();
            compare(seed, "controlled", expected, runs.instrumentedControlled(name), differences);
            compare(seed, "uncontrolled", expected, runs.instrumentedUncontrolled(name), differences);
        }
        System.out.printf("racetest differential: %d generated programs, %d characters of output each run, "
                + "%d differences%n", PROGRAMS, outputChars, differences.size());

        assertThat(differences).isEmpty();
        assertThat(outputChars).as("the programs print enough to compare").isGreaterThan(PROGRAMS * 500L);
    }

    @Test
    void theControlledRunSeesWhatRacetestChangesOnPurpose() {
        String controlled = runs.instrumentedControlled(CANARY);

        assertThat(controlled).as("identity hash codes are the scheduler's, the same in every execution")
                .isEqualTo(runs.instrumentedControlled(CANARY))
                .isNotEqualTo(runs.uninstrumented(CANARY))
                .doesNotStartWith("the exploration failed");
    }

    private static void compare(long seed, String how, String expected, String actual, List<String> differences) {
        if (expected.equals(actual)) {
            return;
        }
        List<String> expectedLines = expected.lines().toList();
        List<String> actualLines = actual == null ? List.of("<nothing>") : actual.lines().toList();
        for (int i = 0; i < Math.max(expectedLines.size(), actualLines.size()); i++) {
            String want = i < expectedLines.size() ? expectedLines.get(i) : "<end>";
            String got = i < actualLines.size() ? actualLines.get(i) : "<end>";
            if (!want.equals(got)) {
                differences.add("seed " + seed + " instrumented " + how + ", line " + (i + 1) + ":\n  expected "
                        + want + "\n  actual   " + got);
                return;
            }
        }
    }

    private static String className(long seed) {
        return ProgramGenerator.PACKAGE + "." + ProgramGenerator.className(seed);
    }
}
