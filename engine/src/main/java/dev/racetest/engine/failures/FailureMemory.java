package dev.racetest.engine.failures;

import dev.racetest.RaceTestFailure;
import dev.racetest.engine.config.FailuresMode;
import dev.racetest.engine.config.RaceTestConfiguration;
import dev.racetest.engine.config.ResolvedSettings;
import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.Failure;
import dev.racetest.scheduler.Schedule;
import dev.racetest.scheduler.Shard;
import dev.racetest.scheduler.StoredReplay;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.platform.engine.reporting.ReportEntry;

/**
 * The failure database as one test run sees it ({@code racetest.failures}): before exploring, the
 * failing schedules stored for the test become the exploration's first executions; afterwards, those
 * that pass now or no longer fit the code are dropped, a new failure is stored, and a report entry
 * ({@value #ENTRY}) says what happened.
 *
 * <p>The scheduler does the replaying ({@code ExplorationSettings.withStoredSchedules}), so the stored
 * schedules are executions 1 to k of the same exploration, with honest numbering and statistics; this
 * class only reads and writes files. A run that replays one schedule explicitly ({@code racetest.replay},
 * {@code @RaceTest(replay)}) neither reads nor writes the database.
 */
public final class FailureMemory {

    /** The report entry key this class publishes. */
    public static final String ENTRY = "racetest.failures";

    private final FailuresMode mode;
    private final FailureDatabase database;
    private final String test;
    private final Path ownFile;
    private final boolean ownsEveryFile;
    private final ResolvedSettings settings;
    /** The entries replayed, in execution order: entry i is execution i. */
    private final List<FailureDatabase.Entry> replayed;
    private final List<String> notes = new ArrayList<>();

    private FailureMemory(FailuresMode mode, FailureDatabase database, String test, Path ownFile, boolean ownsEveryFile,
                          ResolvedSettings settings, List<FailureDatabase.Entry> replayed) {
        this.mode = mode;
        this.database = database;
        this.test = test;
        this.ownFile = ownFile;
        this.ownsEveryFile = ownsEveryFile;
        this.settings = settings;
        this.replayed = replayed;
    }

    /**
     * Opens the database for {@code method} run as a test of {@code testClass} with {@code settings},
     * printing one warning line per file that had to be set aside.
     *
     * @throws dev.racetest.RaceTestConfigurationException when {@code racetest.failures} or its directory is malformed
     */
    public static FailureMemory open(RaceTestConfiguration configuration, Class<?> testClass, Method method,
                                     ResolvedSettings settings) {
        String test = testClass.getName() + "#" + method.getName();
        if (settings.replayOrigin().isPresent()) {
            return new FailureMemory(FailuresMode.OFF, null, test, null, false, settings, List.of());
        }
        FailuresMode mode = configuration.failuresMode();
        if (mode == FailuresMode.OFF) {
            return new FailureMemory(mode, null, test, null, false, settings, List.of());
        }
        FailureDatabase database = new FailureDatabase(configuration.failuresDir());
        Shard shard = settings.exploration().shard();
        Path ownFile = database.ownFile(testClass.getName(), method.getName(), shard);
        FailureDatabase.Loaded loaded = database.read(testClass.getName(), method.getName());

        ReplayFingerprint current = ReplayFingerprint.of(settings);
        List<FailureDatabase.Entry> replayed = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        Set<String> otherSettings = new LinkedHashSet<>();
        int skipped = 0;
        for (FailureDatabase.Entry entry : loaded.entries()) {
            if (!entry.failure().fingerprint().equals(current)) {
                skipped++;
                otherSettings.add(entry.failure().fingerprint().describe());
            } else if (replayed.size() < FailureDatabase.KEPT_PER_FILE && tokens.add(entry.failure().token())) {
                replayed.add(entry);
            }
        }
        List<Schedule> schedules = replayed.stream().map(entry -> Schedule.parse(entry.failure().token())).toList();
        ResolvedSettings withStored = settings.withExploration(settings.exploration()
                .withStoredSchedules(schedules, mode == FailuresMode.REPLAY_FIRST));
        FailureMemory memory = new FailureMemory(mode, database, test, ownFile, shard.isWhole(), withStored,
                List.copyOf(replayed));
        for (String warning : loaded.warnings()) {
            System.err.println(warning);
            memory.notes.add(warning.replaceFirst("^racetest: ", ""));
        }
        if (skipped > 0) {
            memory.notes.add(skipped + " stored failing schedule" + (skipped == 1 ? " was" : "s were")
                    + " not replayed because " + (skipped == 1 ? "it was" : "they were") + " recorded with other settings ("
                    + String.join("; ", otherSettings) + ") than this run's (" + current.describe() + ")");
        }
        return memory;
    }

    /** Returns the settings to explore with: those given, with the stored schedules to replay first. */
    public ResolvedSettings settings() {
        return settings;
    }

    /**
     * Takes in what the exploration found: drops the stored schedules that pass now or diverged,
     * stores a new failure; a file that cannot be written is a note, never a test failure.
     */
    public void explored(ExplorationResult result) {
        if (mode == FailuresMode.OFF) {
            return;
        }
        Map<Path, Set<String>> dropped = new LinkedHashMap<>();
        for (StoredReplay replay : result.storedReplays()) {
            FailureDatabase.Entry entry = replayed.get(replay.executionIndex());
            String from = "the failing schedule stored on " + entry.failure().recorded() + " in " + entry.file();
            if (replay.stillFails()) {
                notes.add(from + " still fails, in execution " + (replay.executionIndex() + 1));
                continue;
            }
            boolean mayDrop = ownsEveryFile || entry.file().equals(ownFile);
            String fate = mayDrop ? "dropped" : "left for the shard that stored it";
            notes.add(replay.passes()
                    ? from + " passes now (the bug looks fixed), so it was " + fate
                    : from + " no longer fits the code, so it was " + fate + ": " + replay.outcome().headline());
            if (mayDrop) {
                dropped.computeIfAbsent(entry.file(), file -> new HashSet<>()).add(entry.failure().token());
            }
        }
        dropped.forEach((file, tokens) -> {
            try {
                database.forget(file, test, tokens);
            } catch (IOException | RuntimeException unwritable) {
                notes.add("the failure database file " + file + " could not be updated: " + unwritable);
            }
        });
        if (result.failure().isPresent() && !result.failedInStoredReplay()) {
            remember(result.failure().get());
        }
        if (mode == FailuresMode.REPLAY_ONLY && replayed.isEmpty()) {
            notes.add("nothing is stored for this test, so racetest.failures=replay-only ran no execution");
        }
    }

    private void remember(Failure failure) {
        StoredFailure stored = new StoredFailure(failure.schedule().token(), failure.outcome().headline(),
                failure.outcome().getClass().getSimpleName(), Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Optional.ofNullable(FailureMemory.class.getPackage().getImplementationVersion()),
                ReplayFingerprint.of(settings));
        try {
            database.remember(ownFile, test, stored);
            notes.add("the failing schedule was stored in " + ownFile + "; the next run replays it first");
        } catch (IOException | RuntimeException unwritable) {
            notes.add("the failing schedule could not be stored in " + ownFile + ": " + unwritable);
        }
    }

    /** Returns the report entry saying what the database did in this run, if it did anything. */
    public Optional<ReportEntry> reportEntry() {
        return notes.isEmpty() ? Optional.empty() : Optional.of(ReportEntry.from(ENTRY, String.join("; ", notes)));
    }

    /**
     * Returns {@code failure} with a line after its headline saying it came from the database and how
     * to clear it, when it did (also in its report file); otherwise {@code failure} itself.
     */
    public RaceTestFailure annotate(RaceTestFailure failure, ExplorationResult result) {
        if (!result.failedInStoredReplay()) {
            return failure;
        }
        int index = result.failure().orElseThrow().executionIndex();
        FailureDatabase.Entry entry = replayed.get(index);
        String note = "Replayed a stored failing schedule from " + entry.file() + " (stored "
                + entry.failure().recorded() + ") in execution " + (index + 1) + ", and it still fails. The failure"
                + " database replays it first in every run until it passes; to forget it, delete that file (or run"
                + " with -D" + RaceTestConfiguration.FAILURES + "=off to ignore the database).";
        String report = failure.getMessage();
        int firstLineEnd = report.indexOf('\n');
        String annotated = firstLineEnd < 0 ? report + "\n" + note
                : report.substring(0, firstLineEnd + 1) + note + "\n" + report.substring(firstLineEnd + 1);
        Optional<Path> file = failure.reportFile();
        if (file.isPresent()) {
            try {
                Files.writeString(file.get(), annotated, StandardCharsets.UTF_8);
            } catch (IOException unwritable) {
                // The test's failure message still says it; the file keeps the report without the note.
            }
        }
        return new RaceTestFailure(annotated, failure.getCause(), failure.replayToken(), file.orElse(null));
    }
}
