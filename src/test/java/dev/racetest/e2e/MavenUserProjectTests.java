package dev.racetest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A user's own Maven project that adds only the documented dependency and Surefire setting
 * (src/test/resources/sample-project) runs its {@code @RaceTest} methods through {@code mvn test},
 * beside its Jupiter tests; a failing one prints a replay line that reproduces it in execution 1.
 *
 * <p>The nested build resolves racetest from the local repository, where the reactor build
 * ({@code ./mvnw install}) has put this very version before this module runs.
 */
@Timeout(900)
class MavenUserProjectTests {

    private static final Duration BUILD_LIMIT = Duration.ofMinutes(5);
    private static Path project;

    @BeforeAll
    static void copySampleProject() throws IOException {
        Path source = Path.of("resources", "sample-project").toAbsolutePath();
        project = Path.of("target", "sample-project").toAbsolutePath();
        deleteRecursively(project);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = project.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    void raceTestsRunBesideJupiterTestsUnderMvnTest() throws Exception {
        ProcessRunner.Result build = mvn("passing.log", "test");

        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(build.output())
                .contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0", "-- in com.example.ledger.LedgerRaceTest")
                .contains("-- in com.example.ledger.LedgerTest")
                .contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0");
    }

    @Test
    void failingRaceTestPrintsAReplayLineThatReproducesItInExecutionOne() throws Exception {
        ProcessRunner.Result failing = mvn("failing.log", "test", "-Dtest=UnsafeLedgerRaceTest");
        assertThat(failing.exitCode()).isNotZero();
        Path report = project.resolve("target/racetest-reports/com.example.ledger.UnsafeLedgerRaceTest.concurrentAddsAllCount.txt");
        assertThat(report).exists();
        String text = Files.readString(report);
        assertThat(text).startsWith("racetest found a failure: data race on UnsafeLedger.total: ")
                .contains("Interleaving, one column per thread (")
                // the racing access is marked in the table, with its full location for the IDE
                .containsPattern("\\n>> +\\d+ .*UnsafeLedger\\.add\\(UnsafeLedger\\.java:\\d+\\)\\n")
                .contains(".concurrentAddsAllCount.trace.json; open it at https://ui.perfetto.dev");
        assertThat(project.resolve("target/racetest-reports/com.example.ledger.UnsafeLedgerRaceTest.concurrentAddsAllCount.trace.json"))
                .content().startsWith("{\"traceEvents\":[");
        String replayOption = text.lines().map(String::strip).filter(line -> line.startsWith("-Dracetest.replay="))
                .findFirst().orElseThrow(() -> new AssertionError("no replay line in\n" + text));
        assertThat(failing.output()).contains(replayOption);

        ProcessRunner.Result replayed = mvn("replayed.log", "test", "-Dtest=UnsafeLedgerRaceTest#concurrentAddsAllCount", replayOption);
        assertThat(replayed.exitCode()).isNotZero();
        String replayText = Files.readString(report);
        assertThat(replayText).contains("Replayed from a schedule");
        assertThat(replayText.lines().findFirst()).isEqualTo(text.lines().findFirst());
    }

    private static ProcessRunner.Result mvn(String logName, String... goalsAndOptions) throws Exception {
        Path root = Path.of(System.getProperty("racetest.root")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B",
                "-f", project.resolve("pom.xml").toString(),
                "-Dracetest.version=" + System.getProperty("racetest.version")));
        command.addAll(List.of(goalsAndOptions));
        return ProcessRunner.run(command, project, project.resolveSibling("sample-" + logName), BUILD_LIMIT);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
