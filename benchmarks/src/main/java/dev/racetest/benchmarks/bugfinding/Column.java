package dev.racetest.benchmarks.bugfinding;

import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.StrategyKind;

import java.util.List;

/**
 * One strategy configuration, a column of the table.
 *
 * @param label    the column's name
 * @param kind     the strategy
 * @param pctDepth the bug depth PCT targets (ignored by the other strategies)
 */
record Column(String label, StrategyKind kind, int pctDepth) {

    /** The columns in table order: the single strategies, the portfolio, then exhaustive search. */
    static List<Column> all() {
        return List.of(
                new Column("random", StrategyKind.RANDOM, 3),
                new Column("pct-1", StrategyKind.PCT, 1),
                new Column("pct-2", StrategyKind.PCT, 2),
                new Column("pct-3", StrategyKind.PCT, 3),
                new Column("pos", StrategyKind.POS, 3),
                new Column("surw", StrategyKind.SURW, 3),
                new Column("portfolio", StrategyKind.PORTFOLIO, 3),
                new Column("dpor", StrategyKind.DPOR, 3));
    }

    /** Returns whether this is one of the sampling strategies the portfolio rotates. */
    boolean rotatedByPortfolio() {
        return kind != StrategyKind.PORTFOLIO && !kind.isExhaustive();
    }

    ExplorationSettings applyTo(ExplorationSettings settings) {
        return settings.withStrategy(kind).withPctDepth(pctDepth);
    }
}
