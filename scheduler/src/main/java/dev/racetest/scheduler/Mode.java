package dev.racetest.scheduler;

/**
 * How hard a run explores, chosen with {@code racetest.mode}: each mode sets the defaults of the
 * strategy and the budgets, and any of those set explicitly wins.
 */
public enum Mode {
    /**
     * For the unit-test run: the strategy portfolio, 1,000 executions, 10 seconds per test. Finds
     * shallow and most depth-2 ordering bugs in seconds.
     */
    QUICK("quick", StrategyKind.PORTFOLIO, 1_000, java.time.Duration.ofSeconds(10)),
    /** For a longer run before a release: the portfolio, 100,000 executions, 5 minutes per test. */
    THOROUGH("thorough", StrategyKind.PORTFOLIO, 100_000, java.time.Duration.ofMinutes(5)),
    /**
     * For the nightly job: DPOR until every interleaving has been explored (a proof within the step
     * bound) or 1 hour per test has passed. Shard it over machines with {@code racetest.shard}.
     */
    EXHAUSTIVE("exhaustive", StrategyKind.DPOR, Integer.MAX_VALUE, java.time.Duration.ofHours(1));

    private final String configName;
    private final StrategyKind strategy;
    private final int executions;
    private final java.time.Duration timeBudget;

    Mode(String configName, StrategyKind strategy, int executions, java.time.Duration timeBudget) {
        this.configName = configName;
        this.strategy = strategy;
        this.executions = executions;
        this.timeBudget = timeBudget;
    }

    public String configName() {
        return configName;
    }

    /** Returns the strategy this mode uses unless one is configured. */
    public StrategyKind strategy() {
        return strategy;
    }

    /** Returns the execution budget this mode uses unless one is configured. */
    public int executions() {
        return executions;
    }

    /** Returns the time budget per test this mode uses unless one is configured. */
    public java.time.Duration timeBudget() {
        return timeBudget;
    }

    /**
     * Returns the mode with the given configuration name, ignoring case; {@code nightly} is another
     * name for {@link #EXHAUSTIVE}.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is none of them
     */
    public static Mode fromConfigName(String name) {
        String wanted = name.strip();
        if (wanted.equalsIgnoreCase("nightly")) {
            return EXHAUSTIVE;
        }
        for (Mode mode : values()) {
            if (mode.configName.equalsIgnoreCase(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + name + "': use one of quick, thorough, exhaustive (or nightly)");
    }
}
