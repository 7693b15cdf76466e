package dev.racetest.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a child process to completion within a bound, capturing its output to a file. */
final class ProcessRunner {

    record Result(int exitCode, String output) {
    }

    private ProcessRunner() {
    }

    /** Returns the test class path, for launching another JVM on it. */
    static String testClassPath() {
        // Surefire runs tests from a manifest-only jar, so java.class.path is not the test class path.
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire : System.getProperty("java.class.path");
    }

    static Result run(List<String> command, Path workingDirectory, Path log, Duration limit)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_OPTS");
        Process process = builder.start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("command did not finish within " + limit + ": " + command
                    + "\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }
}
