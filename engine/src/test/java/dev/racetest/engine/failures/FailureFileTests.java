package dev.racetest.engine.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.racetest.scheduler.Schedule;
import dev.racetest.scheduler.Shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureFileTests {

    private static final ReplayFingerprint FINGERPRINT = new ReplayFingerprint("fresh", 1, 100_000, "fail", "fail");

    @TempDir
    Path directory;

    @Test
    void aFileReadsBackAsItWasWrittenEscapesIncluded() {
        StoredFailure quoted = failure(1, "data race on \"A.b\"\n\tand a \\ backslash \u0001");
        StoredFailure versioned = new StoredFailure(token(2), "deadlock", "Deadlock",
                Instant.parse("2026-01-02T03:04:05Z"), Optional.of("0.1.0"), new ReplayFingerprint("shared", 0, 7, "warn", "off"));

        String text = FailureFile.format("com.acme.T#m", List.of(quoted, versioned));

        assertThat(FailureFile.parse(text)).containsExactly(quoted, versioned);
        assertThat(FailureFile.parse(FailureFile.format("com.acme.T#m", List.of()))).isEmpty();
    }

    @Test
    void aFileThatIsNotOneSaysWhy() {
        assertThatThrownBy(() -> FailureFile.parse("[]")).hasMessage("it is not a JSON object");
        assertThatThrownBy(() -> FailureFile.parse("{\"failures\": [")).hasMessage("it ends too early (at character 14)");
        assertThatThrownBy(() -> FailureFile.parse("{\"failures\": [{\"token\": \"rt1.AAAA\"}]}"))
                .hasMessageStartingWith("an entry's token is not valid: replay token 'rt1.AAAA' is not valid because");
        String noDate = FailureFile.format("T#m", List.of(failure(1, "x"))).replaceFirst("\"recorded\": \"[^\"]*\"",
                "\"recorded\": \"yesterday\"");
        assertThatThrownBy(() -> FailureFile.parse(noDate)).hasMessage("an entry's \"recorded\" is not an ISO-8601 instant");
        String noSteps = FailureFile.format("T#m", List.of(failure(1, "x"))).replace("\"maxSteps\": 100000", "\"maxSteps\": -1");
        assertThatThrownBy(() -> FailureFile.parse(noSteps)).hasMessage("an entry has no whole number \"maxSteps\"");
    }

    @Test
    void aFileKeepsTheFiveNewestDistinctSchedulesNewestFirst() throws IOException {
        FailureDatabase database = new FailureDatabase(directory);
        Path file = database.ownFile("com.acme.T", "m", Shard.WHOLE);
        for (int i = 1; i <= 7; i++) {
            database.remember(file, "com.acme.T#m", failure(i, "failure " + i));
        }
        database.remember(file, "com.acme.T#m", failure(5, "failure 5 again"));

        List<StoredFailure> kept = FailureFile.parse(Files.readString(file));
        assertThat(kept).extracting(StoredFailure::headline)
                .containsExactly("failure 5 again", "failure 7", "failure 6", "failure 4", "failure 3");

        database.forget(file, "com.acme.T#m", Set.of(token(7), token(6)));
        assertThat(FailureFile.parse(Files.readString(file))).extracting(StoredFailure::headline)
                .containsExactly("failure 5 again", "failure 4", "failure 3");
        database.forget(file, "com.acme.T#m", Set.of(token(5), token(4), token(3)));
        assertThat(file).doesNotExist();
        try (var left = Files.list(directory)) {
            assertThat(left).as("no temporary file is left behind").isEmpty();
        }
    }

    @Test
    void aTestReadsItsOwnFilesAndTheShardsOnesButNoOtherTestsNewestFirst() throws IOException {
        FailureDatabase database = new FailureDatabase(directory);
        database.remember(database.ownFile("com.acme.T", "m", Shard.WHOLE), "com.acme.T#m", failure(1, "whole"));
        database.remember(database.ownFile("com.acme.T", "m", new Shard(2, 3)), "com.acme.T#m", failure(2, "shard"));
        database.remember(database.ownFile("com.acme.T", "mm", Shard.WHOLE), "com.acme.T#mm", failure(3, "other method"));

        FailureDatabase.Loaded loaded = database.read("com.acme.T", "m");

        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.entries()).extracting(entry -> entry.failure().headline()).containsExactly("shard", "whole");
        assertThat(loaded.entries().getFirst().file().getFileName()).hasToString("com.acme.T.m.shard-2-of-3.json");
        assertThat(new FailureDatabase(directory.resolve("missing")).read("com.acme.T", "m").entries()).isEmpty();
    }

    private static StoredFailure failure(int n, String headline) {
        return new StoredFailure(token(n), headline, "ThreadFailed", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n),
                Optional.empty(), FINGERPRINT);
    }

    private static String token(int n) {
        return new Schedule(n, new int[] {1, 2, n}).token();
    }
}
