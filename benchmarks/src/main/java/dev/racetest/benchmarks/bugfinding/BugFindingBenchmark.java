package dev.racetest.benchmarks.bugfinding;

import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.RaceDetection;
import dev.racetest.scheduler.RaceMode;
import dev.racetest.scheduler.Explorer;
import dev.racetest.scheduler.TestBody;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures how many executions each exploration strategy needs to find the first bug, on classic
 * concurrency-bug programs ({@code dev.racetest.benchmarks.bugs}) and on the buggy examples; prints a
 * table of medians over a fixed list of seeds and writes every run to a JSON file.
 *
 * <p>Run it with {@code ./mvnw -q -Pbugbench verify} (options in CONTRIBUTING.md). Each run is one
 * {@link Explorer#explore} with a fixed seed, an execution budget and a wall-time budget as a safety
 * net; a cell stops early once half its seeds found nothing, since its median is then settled
 * ({@code --all-seeds=true} runs them all), and starts no further seed once its fruitless runs have
 * taken the cell budget (those seeds count as not found). Exhaustive search runs only on programs small enough for
 * it. The counts depend on the seeds and the strategies alone, not on the machine, except where a
 * run hits its time budget, which the JSON records as the stop reason.
 */
public final class BugFindingBenchmark {

    private BugFindingBenchmark() {
    }

    public static void main(String[] args) throws ReflectiveOperationException, IOException {
        Options options = Options.parse(args);
        PrintStream out = System.out;
        List<Subject> subjects = Subjects.all().stream().filter(options.programFilter()).toList();
        List<Column> columns = Column.all().stream().filter(options.strategyFilter()).toList();
        long[] seeds = options.seedList();
        out.printf("racetest bug-finding benchmark: %d programs x %d strategies x %d seeds, budget %,d executions"
                        + " or %d s per run, %d s of fruitless runs per program and strategy%n%n", subjects.size(), columns.size(),
                seeds.length, options.maxExecutions(), options.timeBudget().toSeconds(), options.cellBudget().toSeconds());
        long start = System.nanoTime();
        Map<Subject, Map<Column, Cell>> table = new LinkedHashMap<>();
        for (Subject subject : subjects) {
            TestBody body = SubjectBodies.of(subject);
            Map<Column, Cell> row = new LinkedHashMap<>();
            for (Column column : columns) {
                row.put(column, explore(subject, column, body, seeds, options));
            }
            table.put(subject, row);
            out.printf("  %-32s done after %5.1f s%n", subject.name(), (System.nanoTime() - start) / 1e9);
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        out.println();
        Summary summary = new Summary(table, columns, options);
        summary.print(out);
        out.printf("%nTotal wall time: %.1f s%n", wall.toMillis() / 1000.0);
        JsonReport.write(options.output(), table, columns, options, wall, summary);
        out.println("Every run, per seed: " + options.output().toAbsolutePath().normalize());
    }

    private static Cell explore(Subject subject, Column column, TestBody body, long[] seeds, Options options) {
        if (column.kind().isExhaustive() && !subject.dporFeasible()) {
            return Cell.notApplicable();
        }
        Cell cell = Cell.planned(seeds.length);
        // Races off: the benchmark measures how soon a strategy reaches the interleaving that breaks the
        // program's own check, the classic measure; with detection on, most of these programs end at their
        // first unordered access, which every strategy reaches at once.
        ExplorationSettings base = column.applyTo(ExplorationSettings.defaults()
                .withRaces(RaceDetection.defaults().withMode(RaceMode.OFF)))
                .withMaxExecutions(options.maxExecutions())
                .withTimeBudget(options.timeBudget())
                .withProgressInterval(Duration.ZERO);
        for (long seed : seeds) {
            if (!options.allSeeds() && cell.medianSettledAsNotFound()) {
                break;
            }
            // Only fruitless runs count against the cell budget: runs that find the bug are the data.
            if (cell.fruitlessMillis() > options.cellBudget().toMillis()) {
                cell.cutByCellBudget();
                break;
            }
            ExplorationResult result = exploreWithContextLoader(base.withSeed(seed), body,
                    subject.name() + " / " + column.label());
            cell.add(Run.of(seed, result));
        }
        return cell;
    }

    /** Explores with the application loader as context loader, so each run starts from the same state. */
    private static ExplorationResult exploreWithContextLoader(ExplorationSettings settings, TestBody body, String name) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(BugFindingBenchmark.class.getClassLoader());
        try {
            return Explorer.explore(settings, body, name);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
