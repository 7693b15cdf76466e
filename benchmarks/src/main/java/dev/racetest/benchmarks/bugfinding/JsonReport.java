package dev.racetest.benchmarks.bugfinding;

import dev.racetest.scheduler.report.JsonWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the benchmark's data as JSON: the settings, every run per seed, each cell's median, and the
 * goal checks. Written by hand to keep the benchmarks module free of dependencies; a median that is
 * "not found" is {@code null}, a cell not run has {@code "run": false}.
 */
final class JsonReport {

    private JsonReport() {
    }

    static void write(Path file, Map<Subject, Map<Column, Cell>> table, List<Column> columns, Options options,
                      Duration wall, Summary summary) throws IOException {
        StringBuilder json = new StringBuilder();
        json.append("{\"benchmark\":\"bug-finding\",\"jdk\":").append(text(Runtime.version().toString()))
                .append(",\"cores\":").append(Runtime.getRuntime().availableProcessors())
                .append(",\"maxExecutions\":").append(options.maxExecutions())
                .append(",\"timeBudgetMillis\":").append(options.timeBudget().toMillis())
                .append(",\"cellBudgetMillis\":").append(options.cellBudget().toMillis())
                .append(",\"allSeeds\":").append(options.allSeeds())
                .append(",\"seeds\":[");
        long[] seeds = options.seedList();
        for (int i = 0; i < seeds.length; i++) {
            json.append(i == 0 ? "" : ",").append(seeds[i]);
        }
        json.append("],\"strategies\":[");
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            json.append(i == 0 ? "" : ",").append("{\"label\":").append(text(column.label()))
                    .append(",\"strategy\":").append(text(column.kind().configName()))
                    .append(",\"pctDepth\":").append(column.pctDepth()).append('}');
        }
        json.append("],\"wallSeconds\":").append(String.format(Locale.ROOT, "%.1f", wall.toMillis() / 1000.0))
                .append(",\"programs\":[");
        Map<Subject, Summary.PortfolioCheck> checks = summary.portfolioChecks();
        boolean firstRow = true;
        for (Map.Entry<Subject, Map<Column, Cell>> row : table.entrySet()) {
            Subject subject = row.getKey();
            json.append(firstRow ? "" : ",").append("\n{\"name\":").append(text(subject.name()))
                    .append(",\"origin\":").append(text(subject.origin()))
                    .append(",\"class\":").append(text(subject.className()))
                    .append(",\"method\":").append(text(subject.methodName()));
            Summary.PortfolioCheck check = checks.get(subject);
            if (check != null) {
                json.append(",\"portfolioWithin3xOfBest\":").append(check.decided() ? String.valueOf(check.met()) : "null")
                        .append(",\"bestSingleStrategy\":").append(text(check.best()));
            }
            json.append(",\"results\":[");
            boolean firstCell = true;
            for (Map.Entry<Column, Cell> entry : row.getValue().entrySet()) {
                json.append(firstCell ? "" : ",").append("\n  ");
                cell(json, entry.getKey(), entry.getValue());
                firstCell = false;
            }
            json.append("]}");
            firstRow = false;
        }
        json.append("]");
        summary.reorder10GoalMet().ifPresent(met -> json.append(",\"reorder10PortfolioUnder100\":").append(met));
        json.append("}\n");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, json);
    }

    private static void cell(StringBuilder json, Column column, Cell cell) {
        json.append("{\"strategy\":").append(text(column.label())).append(",\"run\":").append(cell.applicable());
        if (cell.applicable()) {
            json.append(",\"median\":").append(median(cell.median()))
                    .append(",\"found\":").append(cell.found())
                    .append(",\"plannedSeeds\":").append(cell.plannedSeeds())
                    .append(",\"seedsRun\":").append(cell.runs().size())
                    .append(",\"cutByCellBudget\":").append(cell.wasCutByCellBudget())
                    .append(",\"runs\":[");
            List<Run> runs = cell.runs();
            for (int i = 0; i < runs.size(); i++) {
                Run run = runs.get(i);
                json.append(i == 0 ? "" : ",").append("{\"seed\":").append(run.seed())
                        .append(",\"executions\":").append(run.executions())
                        .append(",\"found\":").append(run.found())
                        .append(",\"stop\":").append(text(run.stop()))
                        .append(",\"verdict\":").append(text(run.verdict()))
                        .append(",\"millis\":").append(run.millis()).append('}');
            }
            json.append(']');
        }
        json.append('}');
    }

    private static String median(double value) {
        return Double.isFinite(value) ? Summary.number(value) : "null";
    }

    /** Returns {@code value} as a JSON string literal, or {@code null}. */
    private static String text(String value) {
        return value == null ? "null" : JsonWriter.quote(value);
    }
}
