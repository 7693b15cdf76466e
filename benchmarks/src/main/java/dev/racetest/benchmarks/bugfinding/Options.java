package dev.racetest.benchmarks.bugfinding;

import dev.racetest.scheduler.ExplorationSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The benchmark's command-line options, each {@code --name=value}; an empty value keeps the default,
 * so the Maven profile can pass every property whether it was set or not.
 *
 * @param seeds         how many seeds per program and strategy: {@code DEFAULT_SEED + 0 .. + seeds-1}
 * @param maxExecutions the execution budget of one run
 * @param timeBudget    the wall-time budget of one run, a safety net for slow programs
 * @param cellBudget    the wall time of fruitless runs after which a cell starts no further seed
 *                      (those count as not found), so that a strategy that cannot find a bug does not
 *                      hold up the table
 * @param programs      substrings of program names to run; empty: all
 * @param strategies    column labels to run; empty: all
 * @param allSeeds      run every seed even once a cell's median is settled as "not found"
 * @param output        where the JSON goes
 */
record Options(int seeds, int maxExecutions, Duration timeBudget, Duration cellBudget, List<String> programs, List<String> strategies,
               boolean allSeeds, Path output) {

    static Options parse(String[] args) {
        int seeds = 20;
        int maxExecutions = 10_000;
        Duration timeBudget = Duration.ofSeconds(2);
        Duration cellBudget = Duration.ofSeconds(10);
        List<String> programs = List.of();
        List<String> strategies = List.of();
        boolean allSeeds = false;
        Path output = Path.of("target", "bug-finding.json");
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("options look like --name=value, but got '" + arg + "'");
            }
            String name = arg.substring(2, equals);
            String value = arg.substring(equals + 1).strip();
            if (value.isEmpty()) {
                continue;
            }
            switch (name) {
                case "seeds" -> seeds = positive(name, value);
                case "max-executions" -> maxExecutions = positive(name, value);
                case "time-budget-seconds" -> timeBudget = Duration.ofSeconds(positive(name, value));
                case "cell-budget-seconds" -> cellBudget = Duration.ofSeconds(positive(name, value));
                case "programs" -> programs = list(value);
                case "strategies" -> strategies = list(value);
                case "all-seeds" -> allSeeds = Boolean.parseBoolean(value);
                case "output" -> output = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option --" + name + ": use seeds, max-executions, "
                        + "time-budget-seconds, cell-budget-seconds, programs, strategies, all-seeds or output");
            }
        }
        return new Options(seeds, maxExecutions, timeBudget, cellBudget, programs, strategies, allSeeds, output);
    }

    /** Returns the fixed seeds, so that the table is the same on every run (up to time budgets). */
    long[] seedList() {
        long[] list = new long[seeds];
        for (int i = 0; i < seeds; i++) {
            list[i] = ExplorationSettings.DEFAULT_SEED + i;
        }
        return list;
    }

    Predicate<Subject> programFilter() {
        return subject -> programs.isEmpty()
                || programs.stream().anyMatch(part -> subject.name().toLowerCase(Locale.ROOT).contains(part));
    }

    Predicate<Column> strategyFilter() {
        return column -> strategies.isEmpty() || strategies.contains(column.label());
    }

    private static int positive(String name, String value) {
        int parsed = Integer.parseInt(value);
        if (parsed < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1, but was " + value);
        }
        return parsed;
    }

    private static List<String> list(String value) {
        List<String> parts = new ArrayList<>();
        Arrays.stream(value.split(",")).map(String::strip).filter(part -> !part.isEmpty())
                .map(part -> part.toLowerCase(Locale.ROOT)).forEach(parts::add);
        return List.copyOf(parts);
    }
}
