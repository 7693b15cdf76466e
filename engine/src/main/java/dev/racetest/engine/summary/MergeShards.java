package dev.racetest.engine.summary;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Merges the JSON summaries of the shards of a sharded run (the CI matrix's jobs, each with
 * {@code racetest.shard=i/n}) into one verdict per test, and exits non-zero when a test failed, a
 * shard is missing, or (with {@code --require-complete}) an exhaustive test did not finish.
 *
 * <pre>
 * java -cp racetest-engine.jar dev.racetest.engine.summary.MergeShards [--require-complete] DIR_OR_FILE...
 * </pre>
 *
 * Directories are searched for {@code *.json} summaries. For exhaustive strategies the shards'
 * interleavings are disjoint, so the merged count is their sum.
 */
public final class MergeShards {

    private MergeShards() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs the command; returns its exit status: 0 all passed, 1 a failure or gap, 2 bad input. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        boolean requireComplete = false;
        List<Path> inputs = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--require-complete")) {
                requireComplete = true;
            } else {
                inputs.add(Path.of(arg));
            }
        }
        if (inputs.isEmpty()) {
            err.println("usage: MergeShards [--require-complete] DIR_OR_FILE...: give the directories (or files) that hold the shards' JSON summaries");
            return 2;
        }
        Map<String, List<RunSummary>> byTest = new TreeMap<>();
        try {
            for (Path file : summaryFiles(inputs)) {
                RunSummary summary;
                try {
                    summary = RunSummary.parse(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException malformed) {
                    err.println(file + " is " + malformed.getMessage() + "; remove it or regenerate it with racetest");
                    return 2;
                }
                if (summary.string("test") == null) {
                    continue; // some other JSON file in the directory
                }
                byTest.computeIfAbsent(summary.string("test"), ignored -> new ArrayList<>()).add(summary);
            }
        } catch (UncheckedIOException | IOException unreadable) {
            err.println("cannot read the summaries: " + unreadable.getMessage());
            return 2;
        }
        if (byTest.isEmpty()) {
            err.println("no racetest summaries (*.json with a \"test\" field) under " + inputs + "; point at the report directories the shards wrote");
            return 2;
        }
        boolean ok = true;
        for (Map.Entry<String, List<RunSummary>> test : byTest.entrySet()) {
            ok &= mergeOne(test.getKey(), test.getValue(), requireComplete, out);
        }
        return ok ? 0 : 1;
    }

    private static boolean mergeOne(String test, List<RunSummary> shards, boolean requireComplete, PrintStream out) {
        long count = shards.getFirst().number("shardCount");
        long executions = 0;
        long interleavings = 0;
        boolean complete = true;
        List<String> failures = new ArrayList<>();
        boolean[] seen = new boolean[(int) Math.max(count, 1) + 1];
        for (RunSummary shard : shards) {
            executions += shard.number("executions");
            interleavings += shard.number("distinctInterleavings");
            complete &= shard.bool("complete");
            int index = (int) shard.number("shardIndex");
            if (index >= 1 && index < seen.length) {
                seen[index] = true;
            }
            if (shard.string("failure") != null) {
                failures.add("shard " + index + "/" + count + ": " + shard.string("failure")
                        + (shard.string("replay") != null ? "\n    replay: " + shard.string("replay") : ""));
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int index = 1; index <= count; index++) {
            if (!seen[index]) {
                missing.add(index);
            }
        }
        String verdict;
        boolean ok;
        if (!failures.isEmpty()) {
            verdict = "FAILED";
            ok = false;
        } else if (!missing.isEmpty()) {
            verdict = "INCOMPLETE (no summary from shard" + (missing.size() > 1 ? "s " : " ") + missing + " of " + count + ")";
            ok = false;
        } else if (complete) {
            verdict = "complete: every interleaving explored, no failure";
            ok = true;
        } else {
            verdict = "passed (the budget ended before the space did)";
            ok = !requireComplete;
        }
        out.printf(Locale.ROOT, "%s: %s; %,d executions, %,d distinct interleavings over %d shard%s%n", test, verdict,
                executions, interleavings, shards.size(), shards.size() == 1 ? "" : "s");
        for (String failure : failures) {
            out.println("  " + failure);
        }
        return ok;
    }

    private static List<Path> summaryFiles(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(path -> path.toString().endsWith(".json")).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                throw new IOException(input + " does not exist");
            }
        }
        return files;
    }
}
