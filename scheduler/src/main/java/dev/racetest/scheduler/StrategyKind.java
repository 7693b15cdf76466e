package dev.racetest.scheduler;

/** The exploration strategies a run can be configured with, by their configuration names. */
public enum StrategyKind {
    /** Uniformly random choice among the enabled threads at every decision, driven by the seed. */
    RANDOM("random", false),
    /** Probabilistic concurrency testing: random thread priorities with a few change points (Burckhardt et al., ASPLOS 2010). */
    PCT("pct", false),
    /** Partial order sampling: random priorities per operation, re-drawn when a conflicting one runs (Yuan et al., CAV 2018). */
    POS("pos", false),
    /** Selectively uniform random walk over the conflicting accesses (Zhao et al., ASPLOS 2025). */
    SURW("surw", false),
    /** POS, PCT of depths 1 to 3, SURW and random walk, in turn across executions: the default. */
    PORTFOLIO("portfolio", false),
    /** Every decision, depth first, with no reduction: the reference for the others ({@code DfsStrategy}). */
    DFS("dfs", true),
    /** Every Mazurkiewicz trace once, by source-DPOR with sleep sets ({@code DporStrategy}). */
    DPOR("dpor", true);

    private final String configName;
    private final boolean exhaustive;

    StrategyKind(String configName, boolean exhaustive) {
        this.configName = configName;
        this.exhaustive = exhaustive;
    }

    /** Returns the name used in configuration, such as {@code "random"}. */
    public String configName() {
        return configName;
    }

    /** Returns whether the strategy explores the whole space, so that running out of it proves absence of failures. */
    public boolean isExhaustive() {
        return exhaustive;
    }

    /**
     * Returns the strategy with the given configuration name, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is none of them
     */
    public static StrategyKind fromConfigName(String name) {
        for (StrategyKind kind : values()) {
            if (kind.configName.equalsIgnoreCase(name.strip())) {
                return kind;
            }
        }
        StringBuilder accepted = new StringBuilder();
        for (StrategyKind kind : values()) {
            accepted.append(accepted.isEmpty() ? "" : ", ").append(kind.configName);
        }
        throw new IllegalArgumentException(
                "unknown strategy '" + name + "': use one of " + accepted);
    }
}
