package dev.racetest;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Fail a {@link RaceTest} with the interleaving that broke it.
 *
 * <p>The message is the whole failure report: what failed and in which execution, the
 * interleaving step by step, and, last, the lines that replay it. When a thread of the test threw,
 * that throwable is the {@linkplain #getCause() cause}, with its own stack trace. This error carries
 * no stack trace of its own: it is raised by racetest, not by the test code, so its frames would only
 * show racetest's internals.
 *
 * <p>Created by the racetest engine; tests do not throw it themselves.
 */
public final class RaceTestFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final String replayToken;
    private final transient Path reportFile;

    /**
     * Create a failure.
     *
     * @param report      the full failure report, used as the message
     * @param cause       what the failing thread threw, or {@code null} when no thread threw
     * @param replayToken the schedule token that replays the failing interleaving
     * @param reportFile  where the report was also written, or {@code null} when it was not
     */
    public RaceTestFailure(String report, Throwable cause, String replayToken, Path reportFile) {
        super(Objects.requireNonNull(report, "report must not be null"), cause);
        this.replayToken = Objects.requireNonNull(replayToken, "replayToken must not be null");
        this.reportFile = reportFile;
    }

    /** Return the schedule token that replays the failing interleaving, for {@code racetest.replay}. */
    public String replayToken() {
        return replayToken;
    }

    /** Return the file the report was written to, if it could be written. */
    public Optional<Path> reportFile() {
        return Optional.ofNullable(reportFile);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // The report and the cause say everything; racetest's own frames would be noise.
        return this;
    }
}
