package dev.racetest.scheduler;

/** The exploration strategies a run can be configured with, by their configuration names. */
public enum StrategyKind {
    /** Uniformly random choice among the enabled threads at every decision, driven by the seed. */
    RANDOM("random");

    private final String configName;

    StrategyKind(String configName) {
        this.configName = configName;
    }

    /** Returns the name used in configuration, such as {@code "random"}. */
    public String configName() {
        return configName;
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
