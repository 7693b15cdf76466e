package dev.racetest.benchmarks.bugfinding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellTests {

    @Test
    void medianOfAnEvenCountAveragesTheMiddleTwo() {
        Cell cell = Cell.planned(4);
        for (int executions : new int[] {9, 1, 4, 6}) {
            cell.add(found(executions));
        }

        assertThat(cell.median()).isEqualTo(5.0);
        assertThat(cell.found()).isEqualTo(4);
    }

    @Test
    void runsThatFoundNothingCountAsInfinitelyMany() {
        Cell cell = Cell.planned(5);
        cell.add(found(3));
        cell.add(found(7));
        cell.add(found(2));
        cell.add(notFound(100));
        cell.add(notFound(100));

        // 2, 3, 7, inf, inf: the median is 7, where ignoring the fruitless runs would give 3.
        assertThat(cell.median()).isEqualTo(7.0);
        assertThat(cell.smallestFruitlessRun()).isEqualTo(100);
    }

    @Test
    void medianIsNotFoundOnceHalfThePlannedSeedsFoundNothing() {
        Cell cell = Cell.planned(4);
        cell.add(notFound(50));
        assertThat(cell.medianSettledAsNotFound()).isFalse();
        cell.add(notFound(40));

        assertThat(cell.medianSettledAsNotFound()).isTrue();
        assertThat(cell.median()).isInfinite();
        assertThat(cell.smallestFruitlessRun()).isEqualTo(40);
    }

    @Test
    void seedsNotRunCountAsNotFound() {
        Cell cell = Cell.planned(3);
        cell.add(found(2));
        cell.cutByCellBudget();

        assertThat(cell.median()).isInfinite();
        assertThat(cell.wasCutByCellBudget()).isTrue();
    }

    @Test
    void onlyFruitlessRunsCountAgainstTheCellBudget() {
        Cell cell = Cell.planned(3);
        cell.add(new Run(1, 40, true, "FAILURE_FOUND", "AssertionError", 900));
        cell.add(new Run(2, 80, false, "TIME_BUDGET", "", 2000));
        cell.add(new Run(3, 90, false, "EXECUTION_BUDGET", "", 300));

        assertThat(cell.fruitlessMillis()).isEqualTo(2300);
    }

    @Test
    void aCellNotRunHasNoMedian() {
        assertThat(Cell.notApplicable().median()).isNaN();
        assertThat(Cell.notApplicable().applicable()).isFalse();
    }

    private static Run found(int executions) {
        return new Run(1, executions, true, "FAILURE_FOUND", "AssertionError", 0);
    }

    private static Run notFound(int executions) {
        return new Run(1, executions, false, "EXECUTION_BUDGET", "", 0);
    }
}
