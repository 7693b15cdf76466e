package dev.racetest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.e2e.determinism.DeterminismProbe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same seed gives the same interleavings in two separate JVM launches, step for step, including
 * what the program observed of hash-set order, random numbers, UUIDs, the clock and thread names.
 */
@Timeout(300)
class TwoJvmDeterminismTests {

    @Test
    void twoJvmsWithTheSameSeedRunTheSameInterleavingsStepForStep() throws Exception {
        List<String> first = launch("first", 77);
        List<String> second = launch("second", 77);
        List<String> otherSeed = launch("other-seed", 78);

        assertThat(first).filteredOn(line -> line.startsWith("execution ")).hasSize(40)
                .allMatch(line -> line.contains(" passed "));
        assertThat(first).anyMatch(line -> line.contains("saw hash-set order"))
                .anyMatch(line -> line.contains(" start Thread-0"));
        for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
            assertThat(i < second.size() ? second.get(i) : "<no line>").as("line %d", i + 1)
                    .isEqualTo(i < first.size() ? first.get(i) : "<no line>");
        }
        assertThat(otherSeed).isNotEqualTo(first);
    }

    private static List<String> launch(String name, long seed) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Path.of("target", "determinism-" + name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        List<String> command = List.of(java.toString(), "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-cp", ProcessRunner.testClassPath(), DeterminismProbe.class.getName(), String.valueOf(seed), "40");
        ProcessRunner.Result run = ProcessRunner.run(command, Path.of(".").toAbsolutePath(), log, Duration.ofMinutes(2));
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run.output().lines().toList();
    }
}
