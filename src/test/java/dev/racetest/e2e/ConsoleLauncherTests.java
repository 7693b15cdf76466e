package dev.racetest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The engine runs from the JUnit console launcher, discovered like any JUnit Platform engine.
 *
 * <p>The standalone launcher jar is copied to target/console by the build (it bundles JUnit itself,
 * so it must not sit on this module's test class path); the child gets our test classes and
 * racetest's jars, without the JUnit jars the launcher already brings.
 */
@Timeout(300)
class ConsoleLauncherTests {

    @Test
    void consoleLauncherRunsRaceTestsAndReportsTheFailure() throws Exception {
        Path launcher = Path.of("target", "console", "junit-platform-console-standalone.jar").toAbsolutePath();
        assertThat(launcher).exists();
        String classPath = Arrays.stream(ProcessRunner.testClassPath().split(File.pathSeparator))
                .filter(entry -> !entry.contains("junit-") && !entry.contains("opentest4j") && !entry.contains("apiguardian"))
                .collect(Collectors.joining(File.pathSeparator));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-jar", launcher.toString(), "execute", "--disable-banner", "--disable-ansi-colors",
                "--class-path", classPath,
                "--select-method", "dev.racetest.e2e.fixtures.LazyInitFixture#createdOnce",
                "--select-method", "dev.racetest.e2e.fixtures.CorrectProgramsFixture#producerConsumerHandsOverEveryItem");
        Path log = Path.of("target", "console-launcher.log").toAbsolutePath();
        Files.createDirectories(log.getParent());

        ProcessRunner.Result run = ProcessRunner.run(command, Path.of(".").toAbsolutePath(), log, Duration.ofMinutes(3));

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("racetest", "createdOnce", "producerConsumerHandsOverEveryItem")
                .containsPattern("2 tests found")
                .containsPattern("1 tests successful")
                .containsPattern("1 tests failed")
                .contains("racetest found a failure", "-Dracetest.replay=dev.racetest.e2e.fixtures.LazyInitFixture#createdOnce:rt1.");
    }
}
