package dev.racetest.scheduler.report;

import dev.racetest.scheduler.TraceStep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws a failing trace as a swimlane table: one column per thread ({@code T0 main},
 * {@code T1 payout-alice}, ... in thread-number order), one row per step with the step number, the
 * operation in its thread's column and the source as {@code File.java:line}. The failing step is
 * marked {@code >>} in the margin, the access a data race conflicts with {@code >}; those two rows show
 * the full {@code Class.method(File.java:line)}, which IDEs turn into links.
 *
 * <p>Uninteresting steps are folded, by a rule that depends only on the trace and the marks:
 * <ol>
 * <li>Split the trace into runs: maximal stretches of consecutive steps of one thread. In each run
 *     keep its first step that is not the thread's {@code starts} (what the thread did on getting the
 *     processor) and its last {@value #RUN_TAIL} steps (where it was switched away from, or stopped),
 *     except {@code starts}. Keep every marked step and every step that touches the racing variable.</li>
 * <li>A stretch of at least {@value #MIN_FOLD} steps of one thread that are not kept becomes one line,
 *     {@code ... 12 steps (PayoutService.java:12-31)} in that thread's column; a shorter stretch is
 *     shown, since folding it would not save a line (nor hide much). Two or more threads' {@code starts}
 *     in a row that are not kept become one line, {@code ... T2, T1 start}, in the leftmost of their
 *     columns: the starting thread's {@code start} step and each thread's first step say the rest.</li>
 * <li>If the table is still longer than {@value #MAX_LINES} lines, the earliest rows are folded into
 *     lines {@code ... 120 earlier steps: T0 50, T1 40, T2 30}, as few rows as needed, except rows of
 *     marked steps, which stay. So the table fits in {@value #MAX_LINES} lines unless about 20 or
 *     more steps are marked (a deadlock of that many threads).</li>
 * </ol>
 *
 * <p>Operations are shortened ({@code read PayoutService#1.balance}) and cut to the column's width
 * with {@code ...}, in the object's class name when that is enough ({@code waits in
 * Thr...#1.awaitTermination}), else at the end: {@value #MAX_CELL} characters, less when
 * many threads share {@value #LANES_WIDTH} characters (never under {@value #MIN_CELL}).
 */
final class Swimlane {

    /** The most lines the table takes, title and column header included. */
    static final int MAX_LINES = 40;
    /** The widest a thread's column gets. */
    static final int MAX_CELL = 34;
    /** The narrowest a thread's column gets, however many threads there are. */
    static final int MIN_CELL = 12;
    /** The width the threads' columns share before each is narrowed below {@link #MAX_CELL}. */
    static final int LANES_WIDTH = 120;
    /** How many of a run's last steps are kept. */
    static final int RUN_TAIL = 2;
    /** The fewest steps one fold line stands for. */
    static final int MIN_FOLD = 3;

    private static final String START = "starts";
    private static final String GAP = "  ";

    private Swimlane() {
    }

    /** The kinds of table rows: one step, a fold of one thread's steps, of threads' starts, of earlier steps. */
    private enum Kind { STEP, FOLD, STARTS, EARLIER }

    /** A table row and the steps it stands for. */
    private record Row(Kind kind, List<TraceStep> steps) {
        TraceStep first() {
            return steps.getFirst();
        }

        String stepLabel() {
            int from = steps.getFirst().index();
            int to = steps.getLast().index();
            return from == to ? String.valueOf(from) : from + "-" + to;
        }
    }

    /**
     * Returns the table's lines (without line ends), or none for an empty trace.
     *
     * @param trace      the recorded steps, oldest first
     * @param marks      which steps the failure shows at
     * @param totalSteps how many steps the execution took, which may be more than the trace holds
     */
    static List<String> lines(List<TraceStep> trace, FailureMarks marks, int totalSteps) {
        if (trace.isEmpty()) {
            return List.of();
        }
        List<Row> rows = fitBudget(foldRuns(trace, marks), marks);
        return render(trace, rows, marks, totalSteps);
    }

    /** Applies rules 1 and 2: keeps the steps near thread switches and the failure, folds the rest. */
    private static List<Row> foldRuns(List<TraceStep> trace, FailureMarks marks) {
        int size = trace.size();
        boolean[] kept = new boolean[size];
        int runStart = 0;
        for (int i = 1; i <= size; i++) {
            if (i == size || trace.get(i).threadId() != trace.get(runStart).threadId()) {
                keepEdges(trace, runStart, i, kept);
                runStart = i;
            }
        }
        for (int i = 0; i < size; i++) {
            TraceStep step = trace.get(i);
            kept[i] |= marks.isFailing(step.index()) || marks.isRelated(step.index()) || marks.touchesVariable(step);
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        while (i < size) {
            if (kept[i]) {
                rows.add(new Row(Kind.STEP, List.of(trace.get(i))));
                i++;
                continue;
            }
            int end = i;
            while (end < size && !kept[end] && isStart(trace.get(end))) {
                end++;
            }
            if (end - i >= 2) {
                rows.add(new Row(Kind.STARTS, trace.subList(i, end)));
                i = end;
                continue;
            }
            end = i;
            while (end < size && !kept[end] && trace.get(end).threadId() == trace.get(i).threadId()) {
                end++;
            }
            if (end - i >= MIN_FOLD) {
                rows.add(new Row(Kind.FOLD, trace.subList(i, end)));
            } else {
                for (int j = i; j < end; j++) {
                    rows.add(new Row(Kind.STEP, List.of(trace.get(j))));
                }
            }
            i = end;
        }
        return rows;
    }

    /** Marks as kept the first step of the run [from, to) that is not its start, and its last steps. */
    private static void keepEdges(List<TraceStep> trace, int from, int to, boolean[] kept) {
        for (int i = from; i < to; i++) {
            if (!isStart(trace.get(i))) {
                kept[i] = true;
                break;
            }
        }
        for (int i = Math.max(from, to - RUN_TAIL); i < to; i++) {
            kept[i] |= !isStart(trace.get(i));
        }
    }

    /** Applies rule 3: folds the fewest earliest rows that bring the table within {@link #MAX_LINES}. */
    private static List<Row> fitBudget(List<Row> rows, FailureMarks marks) {
        int budget = MAX_LINES - 2; // the title and the column header
        if (rows.size() <= budget) {
            return rows;
        }
        // Rows [0, cut) fold into one line per stretch between marked rows, plus the marked rows.
        int cut = 0;
        int foldedLines = 0;
        boolean inStretch = false;
        while (cut < rows.size() && rows.size() - cut + foldedLines > budget) {
            if (isMarked(rows.get(cut), marks)) {
                foldedLines++;
                inStretch = false;
            } else if (!inStretch) {
                foldedLines++;
                inStretch = true;
            }
            cut++;
        }
        List<Row> fitted = new ArrayList<>();
        List<TraceStep> stretch = new ArrayList<>();
        for (Row row : rows.subList(0, cut)) {
            if (isMarked(row, marks)) {
                flushEarlier(stretch, fitted);
                fitted.add(row);
            } else {
                stretch.addAll(row.steps());
            }
        }
        flushEarlier(stretch, fitted);
        fitted.addAll(rows.subList(cut, rows.size()));
        return fitted;
    }

    private static void flushEarlier(List<TraceStep> stretch, List<Row> into) {
        if (!stretch.isEmpty()) {
            into.add(new Row(Kind.EARLIER, List.copyOf(stretch)));
            stretch.clear();
        }
    }

    private static boolean isMarked(Row row, FailureMarks marks) {
        return row.kind() == Kind.STEP
                && (marks.isFailing(row.first().index()) || marks.isRelated(row.first().index()));
    }

    private static List<String> render(List<TraceStep> trace, List<Row> rows, FailureMarks marks, int totalSteps) {
        Map<Integer, String> labels = new TreeMap<>();
        for (TraceStep step : trace) {
            labels.putIfAbsent(step.threadId(), "T" + step.threadId() + " " + step.threadName());
        }
        List<Integer> lanes = List.copyOf(labels.keySet());
        int cap = Math.clamp(LANES_WIDTH / lanes.size(), MIN_CELL, MAX_CELL);
        Map<Integer, Integer> widths = new LinkedHashMap<>();
        for (int lane : lanes) {
            widths.put(lane, Math.min(cap, labels.get(lane).length()));
        }
        int stepWidth = "step".length();
        for (Row row : rows) {
            stepWidth = Math.max(stepWidth, row.stepLabel().length());
            if (row.kind() == Kind.STEP) {
                int lane = row.first().threadId();
                widths.merge(lane, Math.min(cap, StepText.operation(row.first().operation()).length()), Math::max);
            }
        }
        Map<Integer, Integer> columnOf = new LinkedHashMap<>();
        int column = 2 + 1 + stepWidth + GAP.length();
        for (int lane : lanes) {
            columnOf.put(lane, column);
            column += widths.get(lane) + GAP.length();
        }
        int sourceColumn = column;

        List<String> lines = new ArrayList<>(rows.size() + 2);
        lines.add(title(trace, marks, totalSteps, rows));
        StringBuilder header = new StringBuilder("   ").append(padLeft("step", stepWidth)).append(GAP);
        for (int lane : lanes) {
            padTo(header, columnOf.get(lane)).append(StepText.fit(labels.get(lane), widths.get(lane)));
        }
        padTo(header, sourceColumn).append("source");
        lines.add(header.toString());
        for (Row row : rows) {
            StringBuilder line = new StringBuilder();
            int index = row.first().index();
            line.append(row.kind() != Kind.STEP ? "  " : marks.isFailing(index) ? ">>" : marks.isRelated(index) ? "> " : "  ");
            line.append(' ').append(padLeft(row.stepLabel(), stepWidth)).append(GAP);
            switch (row.kind()) {
                case STEP -> {
                    TraceStep step = row.first();
                    int lane = step.threadId();
                    padTo(line, columnOf.get(lane)).append(StepText.fitOperation(StepText.operation(step.operation()), widths.get(lane)));
                    boolean marked = marks.isFailing(index) || marks.isRelated(index);
                    String source = marked ? step.location() : StepText.shortLocation(step.location());
                    if (!source.isEmpty()) {
                        padTo(line, sourceColumn).append(source);
                    }
                }
                case FOLD -> padTo(line, columnOf.get(row.first().threadId()))
                        .append("... ").append(row.steps().size()).append(" steps").append(sources(row.steps()));
                case STARTS -> {
                    int leftmost = row.steps().stream().mapToInt(TraceStep::threadId).min().orElseThrow();
                    padTo(line, columnOf.get(leftmost)).append("... ").append(String.join(", ",
                            row.steps().stream().map(step -> "T" + step.threadId()).toList())).append(" start");
                }
                case EARLIER -> padTo(line, columnOf.get(lanes.getFirst()))
                        .append("... ").append(row.steps().size()).append(" earlier steps: ").append(perThread(row.steps()));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static String title(List<TraceStep> trace, FailureMarks marks, int totalSteps, List<Row> rows) {
        int first = trace.getFirst().index();
        int last = trace.getLast().index();
        String steps = first == 1 && last >= totalSteps ? "all " + trace.size() + " steps"
                : "steps " + first + "-" + last + " of " + Math.max(totalSteps, last);
        boolean folded = rows.size() < trace.size();
        return "Interleaving, one column per thread (" + steps + (folded ? ", some folded" : "")
                + "; >> where it failed" + (marks.hasRelated() ? ", > the access it races with" : "") + "):";
    }

    /** Returns {@code " (PayoutService.java:12-31, Bank.java:8)"}: the files and line ranges of the steps, in order. */
    private static String sources(List<TraceStep> steps) {
        Map<String, int[]> lines = new LinkedHashMap<>();
        for (TraceStep step : steps) {
            String file = StepText.file(step.location());
            if (file != null) {
                int line = StepText.line(step.location());
                int[] range = lines.computeIfAbsent(file, ignored -> new int[] {line, line});
                range[0] = Math.min(range[0], line);
                range[1] = Math.max(range[1], line);
            }
        }
        if (lines.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, int[]> file : lines.entrySet()) {
            if (parts.size() == 2) {
                parts.add("...");
                break;
            }
            int[] range = file.getValue();
            parts.add(file.getKey() + ":" + range[0] + (range[1] > range[0] ? "-" + range[1] : ""));
        }
        return " (" + String.join(", ", parts) + ")";
    }

    /** Returns {@code "T0 50, T1 40"}: how many of the steps each thread took, in thread order. */
    private static String perThread(List<TraceStep> steps) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (TraceStep step : steps) {
            counts.merge(step.threadId(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((thread, count) -> parts.add("T" + thread + " " + count));
        return String.join(", ", parts);
    }

    private static boolean isStart(TraceStep step) {
        return START.equals(step.operation());
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    /** Pads {@code line} with spaces to {@code column}, or adds one space if it is already past it. */
    private static StringBuilder padTo(StringBuilder line, int column) {
        if (line.length() > column) {
            return line.append(' ');
        }
        return line.append(" ".repeat(column - line.length()));
    }
}
