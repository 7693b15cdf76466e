package dev.racetest.engine.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeShardsTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private void shard(String test, int index, int count, long interleavings, boolean complete, String failure)
            throws IOException {
        RunSummary summary = RunSummary.empty().put("test", test).put("strategy", "dpor")
                .put("shardIndex", index).put("shardCount", count).put("complete", complete)
                .put("executions", interleavings + 1).put("distinctInterleavings", interleavings)
                .put("fractionDone", Double.NaN).put("failure", failure)
                .put("replay", failure == null ? null : test + ":rt1.AAAA");
        Files.writeString(dir.resolve(test + ".shard-" + index + "-of-" + count + ".json"), summary.toJson());
    }

    private int merge(String... args) {
        return MergeShards.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void summaryRoundTripsThroughJson() {
        RunSummary summary = RunSummary.empty().put("test", "a.B#c \"quoted\"\n").put("count", 12L)
                .put("share", 0.25).put("nan", Double.NaN).put("done", true).put("none", null);

        RunSummary read = RunSummary.parse(summary.toJson());

        assertThat(read.string("test")).isEqualTo("a.B#c \"quoted\"\n");
        assertThat(read.number("count")).isEqualTo(12);
        assertThat(read.get("share")).isEqualTo(0.25);
        assertThat(read.get("nan")).isNull();
        assertThat(read.bool("done")).isTrue();
        assertThat(read.get("none")).isNull();
    }

    @Test
    void completeShardsAddUpToOneCompleteVerdict() throws IOException {
        for (int index = 1; index <= 4; index++) {
            shard("a.B#c", index, 4, 10 * index, true, null);
        }

        assertThat(merge("--require-complete", dir.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "a.B#c: complete: every interleaving explored, no failure; 104 executions, 100 distinct interleavings over 4 shards\n");
    }

    @Test
    void aMissingShardOrAFailureFailsTheMerge() throws IOException {
        shard("a.B#c", 1, 3, 5, true, null);
        shard("a.B#c", 3, 3, 5, true, null);
        shard("x.Y#z", 1, 2, 5, true, null);
        shard("x.Y#z", 2, 2, 5, false, "deadlock: T1, T2 wait for each other's locks");

        assertThat(merge(dir.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "a.B#c: INCOMPLETE (no summary from shard [2] of 3)",
                "x.Y#z: FAILED",
                "shard 2/2: deadlock: T1, T2 wait for each other's locks\n    replay: x.Y#z:rt1.AAAA");
    }

    @Test
    void anUnfinishedRunPassesUnlessCompletenessIsRequired() throws IOException {
        shard("a.B#c", 1, 1, 7, false, null);

        assertThat(merge(dir.toString())).isZero();
        assertThat(merge("--require-complete", dir.toString())).isEqualTo(1);
    }

    @Test
    void badInputIsOneSentence() throws IOException {
        assertThat(merge()).isEqualTo(2);
        assertThat(merge(dir.resolve("missing").toString())).isEqualTo(2);
        Files.writeString(dir.resolve("broken.json"), "{\"test\": ");
        assertThat(merge(dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: MergeShards", "does not exist",
                "broken.json is not a racetest summary: it ends too early (at character 9)");
    }
}
