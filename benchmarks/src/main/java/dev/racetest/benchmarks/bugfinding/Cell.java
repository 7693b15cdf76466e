package dev.racetest.benchmarks.bugfinding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The runs of one program under one strategy, and their median executions-to-first-bug. A run that
 * found nothing counts as infinitely many executions, so the median is "not found" when at least
 * half of the planned seeds found nothing.
 */
final class Cell {

    private final int plannedSeeds;
    private final boolean applicable;
    private final List<Run> runs = new ArrayList<>();
    private boolean cutByCellBudget;

    private Cell(int plannedSeeds, boolean applicable) {
        this.plannedSeeds = plannedSeeds;
        this.applicable = applicable;
    }

    static Cell planned(int seeds) {
        return new Cell(seeds, true);
    }

    /** A strategy not run on this program (exhaustive search on a program too large for it). */
    static Cell notApplicable() {
        return new Cell(0, false);
    }

    void add(Run run) {
        runs.add(run);
    }

    /** Returns the wall time the runs that found nothing took, in milliseconds. */
    long fruitlessMillis() {
        return runs.stream().filter(run -> !run.found()).mapToLong(Run::millis).sum();
    }

    /** Records that the cell's wall-time budget stopped it before all its seeds ran. */
    void cutByCellBudget() {
        cutByCellBudget = true;
    }

    boolean wasCutByCellBudget() {
        return cutByCellBudget;
    }

    boolean applicable() {
        return applicable;
    }

    List<Run> runs() {
        return List.copyOf(runs);
    }

    int plannedSeeds() {
        return plannedSeeds;
    }

    int found() {
        return (int) runs.stream().filter(Run::found).count();
    }

    /**
     * Returns whether the median is already settled as "not found", whatever the seeds still to run
     * would give: then running them only costs time.
     */
    boolean medianSettledAsNotFound() {
        return runs.size() - found() >= (plannedSeeds + 1) / 2;
    }

    /**
     * Returns the median over the planned seeds, seeds not run counting as not found; infinity when
     * not found, NaN when not applicable.
     */
    double median() {
        if (!applicable || plannedSeeds == 0) {
            return Double.NaN;
        }
        double[] counts = new double[plannedSeeds];
        Arrays.fill(counts, Double.POSITIVE_INFINITY);
        for (int i = 0; i < runs.size(); i++) {
            counts[i] = runs.get(i).countOrInfinity();
        }
        Arrays.sort(counts);
        double low = counts[(plannedSeeds - 1) / 2];
        double high = counts[plannedSeeds / 2];
        return Double.isInfinite(high) ? Double.POSITIVE_INFINITY : (low + high) / 2;
    }

    /**
     * Returns the fewest executions a run of this cell made without finding the bug (every fruitless
     * run explored at least this many), 0 if none ran.
     */
    int smallestFruitlessRun() {
        return runs.stream().filter(run -> !run.found()).mapToInt(Run::executions).min().orElse(0);
    }
}
