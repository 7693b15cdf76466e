package dev.racetest.engine.failures;

import dev.racetest.scheduler.Shard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The failure database's files: one per test, {@code <class>.<method>.json}, or
 * {@code <class>.<method>.shard-i-of-n.json} for a shard of a sharded run, so that parallel forks and
 * the jobs of a CI matrix sharing a directory never write the same file. Each file is replaced whole
 * by a write to a temporary file and a rename, so a reader never sees half of one.
 *
 * <p>Every run of a test reads all of that test's files (a failure one shard found is replayed by
 * every shard); a shard rewrites only its own file, while an unsharded run owns them all.
 */
final class FailureDatabase {

    /** How many failing schedules one file keeps, newest first. */
    static final int KEPT_PER_FILE = 5;

    private static final String CORRUPT_SUFFIX = ".corrupt";

    private final Path directory;

    FailureDatabase(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    /** A stored failure and the file it came from. */
    record Entry(StoredFailure failure, Path file) {
    }

    /** What reading a test's files gave: its entries, newest first, and one warning per file set aside. */
    record Loaded(List<Entry> entries, List<String> warnings) {
    }

    /** Returns the file that a run of {@code className#methodName} in {@code shard} writes. */
    Path ownFile(String className, String methodName, Shard shard) {
        String base = className + "." + methodName;
        return directory.resolve(shard.isWhole() ? base + ".json"
                : base + ".shard-" + shard.index() + "-of-" + shard.count() + ".json");
    }

    /**
     * Reads every file of {@code className#methodName}. A file that cannot be parsed is renamed to
     * {@code <file>.corrupt} (so it stays for a person to look at but is never read again) and
     * produces a warning instead of entries; a missing directory is an empty database.
     */
    Loaded read(String className, String methodName) {
        Pattern ours = Pattern.compile(Pattern.quote(className + "." + methodName) + "(\\.shard-\\d+-of-\\d+)?\\.json");
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory)) {
                for (Path file : listing) {
                    if (ours.matcher(file.getFileName().toString()).matches()) {
                        files.add(file);
                    }
                }
            } catch (IOException unreadable) {
                return new Loaded(List.of(), List.of("racetest: the failure database " + directory
                        + " could not be listed (" + unreadable + "); this run explores without it"));
            }
        }
        files.sort(Comparator.naturalOrder());
        List<Entry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path file : files) {
            try {
                for (StoredFailure failure : FailureFile.parse(Files.readString(file, StandardCharsets.UTF_8))) {
                    entries.add(new Entry(failure, file));
                }
            } catch (NoSuchFileException vanished) {
                // removed since it was listed (another job dropped its last entry): nothing stored there
            } catch (IOException | IllegalArgumentException corrupt) {
                warnings.add(setAside(file, corrupt));
            }
        }
        entries.sort(Comparator.comparing((Entry entry) -> entry.failure().recorded()).reversed());
        return new Loaded(List.copyOf(entries), List.copyOf(warnings));
    }

    /**
     * Puts {@code failure} first in {@code file} (replacing an entry with the same token) and keeps
     * the newest {@link #KEPT_PER_FILE}.
     *
     * @throws IOException when the file cannot be written
     */
    void remember(Path file, String test, StoredFailure failure) throws IOException {
        List<StoredFailure> kept = new ArrayList<>();
        kept.add(failure);
        for (StoredFailure old : readQuietly(file)) {
            if (!old.token().equals(failure.token()) && kept.size() < KEPT_PER_FILE) {
                kept.add(old);
            }
        }
        write(file, test, kept);
    }

    /**
     * Removes the entries with {@code tokens} from {@code file}, and the file itself once it is empty.
     *
     * @throws IOException when the file cannot be written
     */
    void forget(Path file, String test, Set<String> tokens) throws IOException {
        List<StoredFailure> kept = new ArrayList<>();
        for (StoredFailure old : readQuietly(file)) {
            if (!tokens.contains(old.token())) {
                kept.add(old);
            }
        }
        if (kept.isEmpty()) {
            Files.deleteIfExists(file);
        } else {
            write(file, test, kept);
        }
    }

    /** Returns the entries of {@code file}, or none when it is missing or unusable (it was set aside when read). */
    private static List<StoredFailure> readQuietly(Path file) {
        try {
            return FailureFile.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException missingOrCorrupt) {
            return List.of();
        }
    }

    private static void write(Path file, String test, List<StoredFailure> failures) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, FailureFile.format(test, failures), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String setAside(Path file, Exception why) {
        String reason = why instanceof IllegalArgumentException malformed ? malformed.getMessage() : why.toString();
        Path aside = file.resolveSibling(file.getFileName() + CORRUPT_SUFFIX);
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            return "racetest: the failure database file " + file + " is not valid (" + reason
                    + "), so it was set aside as " + aside.getFileName() + " and this run explores without it";
        } catch (IOException unmovable) {
            return "racetest: the failure database file " + file + " is not valid (" + reason
                    + ") and could not be set aside (" + unmovable + "); this run explores without it";
        }
    }
}
