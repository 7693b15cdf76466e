package dev.racetest.scheduler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the state of a long exhaustive run in a file, so that a run stopped by its time budget, a
 * cancelled CI job or Ctrl-C continues where it stopped next time instead of starting over.
 *
 * <p>The file names what it belongs to (strategy, seed, shard, preemption bound, step bound); a file
 * that belongs to other settings, or that cannot be read, is set aside with one line saying why, and
 * the run starts afresh: a checkpoint never makes a run fail. Writes go to a temporary file that is
 * then moved over the old one, so an interrupted write leaves the previous checkpoint whole.
 */
final class Checkpoints {

    private static final String MAGIC = "racetest-checkpoint 1";
    private static final String STATE = "state";

    private final Path file;
    private final Map<String, String> identity = new LinkedHashMap<>();

    Checkpoints(Path file, ExplorationSettings settings) {
        this.file = file;
        identity.put("strategy", settings.strategy().configName());
        identity.put("seed", String.valueOf(settings.seed()));
        identity.put("shard", settings.shard().toString());
        identity.put("preemptionBound", String.valueOf(settings.preemptionBound()));
        identity.put("maxSteps", String.valueOf(settings.maxSteps()));
    }

    /** What a checkpoint holds: how many executions ran before it, and the strategy's state. */
    record Saved(long executions, String state) {
    }

    /** Returns the saved state to resume from, if the file exists and belongs to these settings. */
    Optional<Saved> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int stateAt = text.indexOf("\n" + STATE + "\n");
            if (!text.startsWith(MAGIC + "\n") || stateAt < 0) {
                return setAside("it is not a racetest checkpoint");
            }
            Map<String, String> header = new LinkedHashMap<>();
            for (String line : text.substring(MAGIC.length() + 1, stateAt).split("\n")) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    header.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            for (Map.Entry<String, String> expected : identity.entrySet()) {
                if (!expected.getValue().equals(header.get(expected.getKey()))) {
                    return setAside("it was written with " + expected.getKey() + "=" + header.get(expected.getKey())
                            + ", but this run has " + expected.getKey() + "=" + expected.getValue());
                }
            }
            long executions = Long.parseLong(header.getOrDefault("executions", "0"));
            return Optional.of(new Saved(executions, text.substring(stateAt + STATE.length() + 2)));
        } catch (IOException | RuntimeException unreadable) {
            return setAside("it cannot be read (" + unreadable.getMessage() + ")");
        }
    }

    /** Writes {@code state}, taken after {@code executions} executions in all. */
    void write(long executions, String state) {
        StringBuilder text = new StringBuilder(MAGIC).append('\n');
        identity.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        text.append("executions=").append(executions).append('\n').append(STATE).append('\n').append(state);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException unwritable) {
            System.err.println("racetest: could not write the checkpoint " + file + " (" + unwritable.getMessage()
                    + "); the run goes on without one");
        }
    }

    /** Removes the checkpoint: the run it belonged to is over. */
    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale checkpoint is only read by a run with the same settings, which then resumes a finished run
        }
    }

    private Optional<Saved> setAside(String reason) {
        Path aside = file.resolveSibling(file.getFileName() + ".unusable");
        System.err.println("racetest: the checkpoint " + file + " was not used because " + reason
                + "; it was moved to " + aside + " and the run starts afresh");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ignored) {
            // the next write overwrites it anyway
        }
        return Optional.empty();
    }
}
