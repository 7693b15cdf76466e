package dev.racetest.benchmarks.bugfinding;

import dev.racetest.scheduler.StrategyKind;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Prints the table of medians and checks the project's goals against it: on every program the
 * portfolio's median is within 3x of the best single sampling strategy's (the ones it rotates), and
 * on reorder-10 the portfolio needs fewer than 100 executions.
 */
final class Summary {

    static final double PORTFOLIO_FACTOR = 3;
    static final String REORDER_10 = "reorder-10";
    static final double REORDER_10_GOAL = 100;

    private static final int NAME_WIDTH = 30;
    private static final int CELL_WIDTH = 13;

    private final Map<Subject, Map<Column, Cell>> table;
    private final List<Column> columns;
    private final Options options;

    Summary(Map<Subject, Map<Column, Cell>> table, List<Column> columns, Options options) {
        this.table = table;
        this.columns = columns;
        this.options = options;
    }

    /**
     * The portfolio goal on one program.
     *
     * @param best       the best rotated strategy's label
     * @param bestMedian its median (infinity: none found the bug)
     * @param portfolio  the portfolio's median
     */
    record PortfolioCheck(String best, double bestMedian, double portfolio) {

        /** Returns whether there is anything to compare with: some single strategy found the bug. */
        boolean decided() {
            return Double.isFinite(bestMedian);
        }

        /** Returns whether the portfolio's median is at most 3x the best one; false when not {@link #decided()}. */
        boolean met() {
            return decided() && portfolio <= PORTFOLIO_FACTOR * bestMedian;
        }
    }

    void print(PrintStream out) {
        out.println("Median executions to the first bug over " + options.seeds() + " seeds (\">N\": half the seeds"
                + " found nothing, each in at least N executions; \"k/n\": only k of n seeds found it; \"-\": not run):");
        out.println();
        StringBuilder header = new StringBuilder(pad("program", NAME_WIDTH));
        columns.forEach(column -> header.append(padLeft(column.label(), CELL_WIDTH)));
        out.println(header.append("  verdict"));
        for (Map.Entry<Subject, Map<Column, Cell>> row : table.entrySet()) {
            StringBuilder line = new StringBuilder(pad(row.getKey().name(), NAME_WIDTH));
            for (Column column : columns) {
                line.append(padLeft(format(row.getValue().get(column)), CELL_WIDTH));
            }
            out.println(line.append("  ").append(verdict(row.getValue())));
        }
        long timeStops = table.values().stream().flatMap(row -> row.values().stream())
                .flatMap(cell -> cell.runs().stream()).filter(run -> run.stop().equals("TIME_BUDGET")).count();
        long cutCells = table.values().stream().flatMap(row -> row.values().stream()).filter(Cell::wasCutByCellBudget).count();
        if (timeStops > 0 || cutCells > 0) {
            out.printf("%n%d run(s) stopped at the time budget before the execution budget, %d cell(s) skipped seeds"
                    + " at the cell budget (see the JSON).%n", timeStops, cutCells);
        }
        printPortfolioChecks(out);
        printReorder10(out);
    }

    private void printPortfolioChecks(PrintStream out) {
        Map<Subject, PortfolioCheck> checks = portfolioChecks();
        if (checks.isEmpty()) {
            return;
        }
        out.printf("%nGoal: the portfolio's median within %.0fx of the best single strategy's (random, pct, pos, surw):%n",
                PORTFOLIO_FACTOR);
        int met = 0;
        int decided = 0;
        for (Map.Entry<Subject, PortfolioCheck> entry : checks.entrySet()) {
            PortfolioCheck check = entry.getValue();
            met += check.met() ? 1 : 0;
            decided += check.decided() ? 1 : 0;
            String verdict = !check.decided() ? "n/a" : check.met() ? "yes" : "NO";
            out.printf(Locale.ROOT, "  %-30s %-4s portfolio %s, best %s %s%n", entry.getKey().name(), verdict,
                    number(check.portfolio()), check.best(), number(check.bestMedian()));
        }
        out.printf("  met on %d of %d programs (n/a: no single strategy found the bug, %d)%n", met, decided,
                checks.size() - decided);
    }

    private void printReorder10(PrintStream out) {
        Optional<Map<Column, Cell>> row = table.entrySet().stream()
                .filter(entry -> entry.getKey().name().equals(REORDER_10)).map(Map.Entry::getValue).findFirst();
        if (row.isEmpty()) {
            return;
        }
        out.printf("%nreorder-10 medians (goal: the portfolio under %.0f executions):", REORDER_10_GOAL);
        columns.forEach(column -> out.print("  " + column.label() + " " + format(row.get().get(column))));
        out.println();
        reorder10GoalMet().ifPresent(met -> out.println("  goal " + (met ? "met" : "NOT met")));
    }

    /** Returns the portfolio check of each program, when both the portfolio and a rotated strategy ran. */
    Map<Subject, PortfolioCheck> portfolioChecks() {
        Map<Subject, PortfolioCheck> checks = new LinkedHashMap<>();
        Optional<Column> portfolio = columns.stream().filter(column -> column.kind() == StrategyKind.PORTFOLIO).findFirst();
        if (portfolio.isEmpty()) {
            return checks;
        }
        for (Map.Entry<Subject, Map<Column, Cell>> row : table.entrySet()) {
            Optional<Column> best = columns.stream().filter(Column::rotatedByPortfolio)
                    .min(Comparator.comparingDouble(column -> row.getValue().get(column).median()));
            if (best.isEmpty()) {
                continue;
            }
            double bestMedian = row.getValue().get(best.get()).median();
            double portfolioMedian = row.getValue().get(portfolio.get()).median();
            checks.put(row.getKey(), new PortfolioCheck(best.get().label(), bestMedian, portfolioMedian));
        }
        return checks;
    }

    /** Returns whether the portfolio's reorder-10 median is under the goal, when both were run. */
    Optional<Boolean> reorder10GoalMet() {
        return table.entrySet().stream().filter(entry -> entry.getKey().name().equals(REORDER_10))
                .flatMap(entry -> entry.getValue().entrySet().stream())
                .filter(entry -> entry.getKey().kind() == StrategyKind.PORTFOLIO)
                .map(entry -> entry.getValue().median() < REORDER_10_GOAL).findFirst();
    }

    private String format(Cell cell) {
        if (!cell.applicable()) {
            return "-";
        }
        double median = cell.median();
        String text = Double.isInfinite(median) ? ">" + cell.smallestFruitlessRun() : number(median);
        return cell.found() < cell.plannedSeeds() ? text + " " + cell.found() + "/" + cell.plannedSeeds() : text;
    }

    /** Returns the most common failure the strategies found in a row, such as "AssertionError". */
    private static String verdict(Map<Column, Cell> row) {
        Map<String, Long> counts = row.values().stream().flatMap(cell -> cell.runs().stream()).filter(Run::found)
                .collect(Collectors.groupingBy(Run::verdict, Collectors.counting()));
        String common = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("none");
        return counts.size() > 1 ? common + " (+" + (counts.size() - 1) + " other)" : common;
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (Double.isInfinite(value)) {
            return "not found";
        }
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text.substring(0, width - 1) + " " : text + " ".repeat(width - text.length());
    }

    private static String padLeft(String text, int width) {
        return text.length() >= width ? " " + text : " ".repeat(width - text.length()) + text;
    }
}
