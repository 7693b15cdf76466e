package dev.racetest.scheduler.strategy.dpor;

import dev.racetest.scheduler.Shard;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of a {@link TreeSearch} between two executions: its parameters, counters, and the
 * frames of the current path (candidates, choice, explored and open branches, sleep set). Operations
 * are not stored: the next execution replays the path and sees them again, numbered by the JVM that
 * resumes.
 *
 * <pre>
 * racetest-search 1
 * reduction SOURCE_DPOR
 * seed 42
 * bound 0
 * shard 1/1
 * counts started exhausted complete abandoned redundant foreign frontier
 * frame S|W decisionIndex chosen previousThread previousRunnable preemptionsBefore threads done backtrack sleep widened level splits
 * </pre>
 * Lists are comma-separated, {@code -} when empty; a sleep entry is {@code thread@frame}.
 */
final class SearchCheckpoint {

    private static final String HEADER = "racetest-search 1";

    private SearchCheckpoint() {
    }

    static String encode(TreeSearch search) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("reduction ").append(search.reduction.name()).append('\n');
        text.append("seed ").append(search.runSeed).append('\n');
        text.append("bound ").append(search.bound).append('\n');
        text.append("shard ").append(search.shard).append('\n');
        text.append("counts ").append(search.started ? 1 : 0).append(' ').append(search.exhausted ? 1 : 0)
                .append(' ').append(search.complete).append(' ').append(search.abandoned)
                .append(' ').append(search.redundant).append(' ').append(search.foreign)
                .append(' ').append(search.frontier).append('\n');
        for (Frame frame : search.frames) {
            text.append("frame ").append(frame.waiter ? 'W' : 'S')
                    .append(' ').append(frame.decisionIndex)
                    .append(' ').append(frame.chosen)
                    .append(' ').append(frame.previousThread)
                    .append(' ').append(frame.previousRunnable ? 1 : 0)
                    .append(' ').append(frame.preemptionsBefore)
                    .append(' ').append(list(frame.threads))
                    .append(' ').append(list(frame.done.stream().toArray()))
                    .append(' ').append(list(frame.backtrack.stream().toArray()))
                    .append(' ').append(sleep(frame.sleep))
                    .append(' ').append(list(frame.widened.stream().toArray()))
                    .append(' ').append(frame.level)
                    .append(' ').append(frame.splits ? 1 : 0).append('\n');
        }
        return text.toString();
    }

    static TreeSearch decode(String checkpoint, TreeSearch.Reduction expected) {
        String[] lines = checkpoint.strip().split("\n");
        if (lines.length < 6 || !lines[0].strip().equals(HEADER)) {
            throw new IllegalArgumentException("this is not a racetest exploration checkpoint (it must start with '"
                    + HEADER + "')");
        }
        try {
            TreeSearch.Reduction reduction = TreeSearch.Reduction.valueOf(value(lines[1], "reduction"));
            if (reduction != expected) {
                throw new IllegalArgumentException("the checkpoint is of a " + reduction
                        + " exploration, not of a " + expected + " one");
            }
            long seed = Long.parseLong(value(lines[2], "seed"));
            int bound = Integer.parseInt(value(lines[3], "bound"));
            Shard shard = Shard.parse(value(lines[4], "shard"));
            TreeSearch search = new TreeSearch(reduction, seed, bound, shard);
            String[] counts = value(lines[5], "counts").split(" ");
            search.started = counts[0].equals("1");
            search.exhausted = counts[1].equals("1");
            search.complete = Long.parseLong(counts[2]);
            search.abandoned = Long.parseLong(counts[3]);
            search.redundant = Long.parseLong(counts[4]);
            search.foreign = Long.parseLong(counts[5]);
            search.frontier = Long.parseLong(counts[6]);
            for (int i = 6; i < lines.length; i++) {
                search.frames.add(frame(value(lines[i], "frame").split(" ")));
            }
            return search;
        } catch (RuntimeException malformed) {
            if (malformed instanceof IllegalArgumentException && malformed.getMessage() != null
                    && malformed.getMessage().startsWith("the checkpoint")) {
                throw malformed;
            }
            throw new IllegalArgumentException("the exploration checkpoint is damaged: " + malformed.getMessage(), malformed);
        }
    }

    private static Frame frame(String[] fields) {
        List<SleepEntry> sleep = new ArrayList<>();
        if (!fields[9].equals("-")) {
            for (String entry : fields[9].split(",")) {
                int at = entry.indexOf('@');
                sleep.add(new SleepEntry(Integer.parseInt(entry.substring(0, at)), Integer.parseInt(entry.substring(at + 1))));
            }
        }
        Frame frame = new Frame(fields[0].equals("W"), Integer.parseInt(fields[1]), Integer.parseInt(fields[11]),
                ints(fields[6]), sleep,
                Integer.parseInt(fields[5]), Integer.parseInt(fields[3]), fields[4].equals("1"));
        frame.chosen = Integer.parseInt(fields[2]);
        frame.splits = fields[12].equals("1");
        for (int t : ints(fields[7])) {
            frame.done.set(t);
        }
        for (int t : ints(fields[8])) {
            frame.backtrack.set(t);
        }
        for (int t : ints(fields[10])) {
            frame.widened.set(t);
        }
        return frame;
    }

    private static String value(String line, String key) {
        String trimmed = line.strip();
        if (!trimmed.startsWith(key + " ")) {
            throw new IllegalArgumentException("expected a '" + key + "' line but found '" + trimmed + "'");
        }
        return trimmed.substring(key.length() + 1);
    }

    private static String list(int[] values) {
        if (values.length == 0) {
            return "-";
        }
        StringBuilder text = new StringBuilder();
        for (int value : values) {
            text.append(text.isEmpty() ? "" : ",").append(value);
        }
        return text.toString();
    }

    private static int[] ints(String field) {
        if (field.equals("-")) {
            return new int[0];
        }
        String[] parts = field.split(",");
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Integer.parseInt(parts[i]);
        }
        return values;
    }

    private static String sleep(List<SleepEntry> entries) {
        if (entries.isEmpty()) {
            return "-";
        }
        StringBuilder text = new StringBuilder();
        for (SleepEntry entry : entries) {
            text.append(text.isEmpty() ? "" : ",").append(entry.threadId()).append('@').append(entry.sourceFrame());
        }
        return text.toString();
    }
}
