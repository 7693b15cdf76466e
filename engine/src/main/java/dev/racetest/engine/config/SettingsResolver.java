package dev.racetest.engine.config;

import dev.racetest.RaceStrategy;
import dev.racetest.RaceTest;
import dev.racetest.RaceTestConfigurationException;
import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.Mode;
import dev.racetest.scheduler.RaceDetection;
import dev.racetest.scheduler.Schedule;
import dev.racetest.scheduler.Shard;
import dev.racetest.scheduler.StrategyKind;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolve one test's settings: each setting from its {@code @RaceTest} attribute when set, else from
 * its configuration parameter, else from {@link ExplorationSettings#defaults()}; then a
 * {@code racetest.replay} naming this test, or else {@code @RaceTest(replay)}. See
 * {@link RaceTestConfiguration} for the contract.
 */
final class SettingsResolver {

    private static final String TOKEN_FORM = "a schedule token copied whole from a racetest failure report";

    private final RaceTestConfiguration configuration;
    private final Class<?> testClass;
    private final Method method;
    private final RaceTest annotation;

    SettingsResolver(RaceTestConfiguration configuration, Class<?> testClass, Method method, RaceTest annotation) {
        this.configuration = configuration;
        this.testClass = testClass;
        this.method = method;
        this.annotation = annotation;
    }

    ResolvedSettings resolve() {
        // The mode sets the strategy and budgets; anything configured explicitly wins over it.
        Mode mode = fromParameter(RaceTestConfiguration.MODE, Values.MODE_FORM, Mode::fromConfigName).orElse(Mode.QUICK);
        ExplorationSettings base = ExplorationSettings.defaults().withMode(mode);
        ExplorationSettings settings = base;

        Optional<Integer> executions = countAttribute("executions", annotation.executions(), RaceTestConfiguration.EXECUTIONS);
        settings = settings.withMaxExecutions(executions.orElseGet(() -> fromParameter(
                RaceTestConfiguration.EXECUTIONS, Values.COUNT_FORM, Values::count).orElse(base.maxExecutions())));

        Optional<Integer> maxSteps = countAttribute("maxSteps", annotation.maxSteps(), RaceTestConfiguration.MAX_STEPS);
        settings = settings.withMaxSteps(maxSteps.orElseGet(() -> fromParameter(
                RaceTestConfiguration.MAX_STEPS, Values.COUNT_FORM, Values::count).orElse(base.maxSteps())));

        settings = settings.withTimeBudget(duration("timeBudget", annotation.timeBudget(), RaceTestConfiguration.TIME_BUDGET)
                .orElse(base.timeBudget()));
        settings = settings.withExecutionTimeout(duration("executionTimeout", annotation.executionTimeout(),
                RaceTestConfiguration.EXECUTION_TIMEOUT).orElse(base.executionTimeout()));

        settings = settings.withStrategy(strategy().orElse(base.strategy()));
        settings = settings.withPctDepth(fromParameter(RaceTestConfiguration.PCT_DEPTH, Values.COUNT_FORM, Values::count)
                .orElse(base.pctDepth()));
        settings = settings.withPreemptionBound(fromParameter(RaceTestConfiguration.PREEMPTION_BOUND,
                Values.PREEMPTION_BOUND_FORM, Values::preemptionBound).orElse(base.preemptionBound()));
        settings = settings.withShard(fromParameter(RaceTestConfiguration.SHARD, Values.SHARD_FORM, Shard::parse)
                .orElse(Shard.WHOLE));
        settings = settings.withProgressInterval(fromParameter(RaceTestConfiguration.PROGRESS, Values.PROGRESS_FORM,
                Values::progress).orElse(base.progressInterval()));
        settings = settings.withSpuriousWakeups(fromParameter(RaceTestConfiguration.SPURIOUS_WAKEUPS,
                Values.ZERO_OR_MORE_FORM, Values::zeroOrMore).orElse(base.spuriousWakeups()));
        settings = settings.withDeterminismCheck(fromParameter(RaceTestConfiguration.DETERMINISM_CHECK,
                Values.BOOLEAN_FORM, Values::bool).orElse(false));
        settings = settings.withMaxStall(fromParameter(RaceTestConfiguration.MAX_STALL, Values.STALL_FORM,
                Values::stall)
                .orElse(base.maxStall()));
        RaceDetection races = base.races();
        races = races.withMode(fromParameter(RaceTestConfiguration.RACES, Values.RACES_FORM, Values::raceMode)
                .orElse(races.mode()));
        races = races.withBenignFields(fromParameter(RaceTestConfiguration.BENIGN_RACES, Values.FIELDS_FORM,
                Values::fields).orElse(races.benignFields()));
        settings = settings.withRaces(races);
        settings = settings.withLeaks(fromParameter(RaceTestConfiguration.LEAKS, Values.LEAKS_FORM, Values::leakMode)
                .orElse(base.leaks()));
        boolean freshStatics = annotation.statics().isBlank()
                ? fromParameter(RaceTestConfiguration.STATICS, Values.STATICS_FORM, Values::freshStatics).orElse(true)
                : parseAttribute("statics", annotation.statics(), Values.STATICS_FORM, Values::freshStatics);

        // Executions that share statics would race on them for real if they ran at once.
        int parallelism = fromParameter(RaceTestConfiguration.PARALLELISM, Values.PARALLELISM_FORM, Values::parallelism)
                .orElse(base.parallelism());
        settings = settings.withParallelism(freshStatics ? parallelism : 1);

        boolean random = false;
        Optional<String> seedText = annotation.seed().isBlank()
                ? configuration.parameter(RaceTestConfiguration.SEED)
                : Optional.of(annotation.seed());
        if (seedText.isPresent()) {
            if (Values.isRandomSeed(seedText.get())) {
                random = true;
                settings = settings.withSeed(configuration.randomSeed());
            } else {
                settings = settings.withSeed(annotation.seed().isBlank()
                        ? configuration.parse(RaceTestConfiguration.SEED, seedText.get(), Values.SEED_FORM, Values::seed)
                        : parseAttribute("seed", seedText.get(), Values.SEED_FORM, Values::seed));
            }
        }

        Optional<String> replayOrigin = Optional.empty();
        Optional<ReplayTarget> target = configuration.replayTarget().filter(t -> t.names(testClass, method));
        if (target.isPresent()) {
            settings = settings.withReplay(configuration.parse(RaceTestConfiguration.REPLAY,
                    target.get().token(), TOKEN_FORM, SettingsResolver::schedule));
            replayOrigin = Optional.of(RaceTestConfiguration.REPLAY);
        } else if (!annotation.replay().isBlank()) {
            settings = settings.withReplay(parseAttribute("replay", annotation.replay(), TOKEN_FORM, SettingsResolver::schedule));
            replayOrigin = Optional.of("@RaceTest(replay)");
        }
        return new ResolvedSettings(settings, random, replayOrigin, freshStatics);
    }

    private Optional<Integer> countAttribute(String attribute, int value, String key) {
        if (value == 0) {
            return Optional.empty();
        }
        if (value < 0) {
            throw invalidAttribute(attribute, String.valueOf(value),
                    "a whole number of at least 1, or 0 to use " + key);
        }
        return Optional.of(value);
    }

    private Optional<Duration> duration(String attribute, String value, String key) {
        if (!value.isBlank()) {
            return Optional.of(parseAttribute(attribute, value, Values.DURATION_FORM, Values::duration));
        }
        return fromParameter(key, Values.DURATION_FORM, Values::duration);
    }

    private Optional<StrategyKind> strategy() {
        if (annotation.strategy() == RaceStrategy.CONFIGURED) {
            return fromParameter(RaceTestConfiguration.STRATEGY, Values.strategyForm(), Values::strategy);
        }
        return Optional.of(StrategyKind.fromConfigName(annotation.strategy().name()));
    }

    private <T> Optional<T> fromParameter(String key, String form, Function<String, T> parser) {
        return configuration.parameter(key).map(value -> configuration.parse(key, value, form, parser));
    }

    private <T> T parseAttribute(String attribute, String value, String form, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException malformed) {
            throw invalidAttribute(attribute, value, RaceTestConfiguration.withReason(form, malformed));
        }
    }

    private RaceTestConfigurationException invalidAttribute(String attribute, String value, String form) {
        return new RaceTestConfigurationException("@RaceTest(" + attribute + ") on " + testClass.getName() + "#"
                + method.getName() + " has the invalid value '" + value + "': expected " + form + "; fix the annotation.");
    }

    /**
     * Parse a schedule token, keeping only the reason from the scheduler's sentence ("replay token
     * '...' is not valid because REASON: copy ...") so it fits in ours.
     */
    private static Schedule schedule(String token) {
        try {
            return Schedule.parse(token);
        } catch (IllegalArgumentException malformed) {
            String reason = malformed.getMessage() == null ? "" : malformed.getMessage();
            int because = reason.indexOf(" because ");
            int copy = reason.lastIndexOf(": copy");
            if (because >= 0 && copy > because) {
                reason = reason.substring(because + " because ".length(), copy);
            }
            throw new IllegalArgumentException(reason.isEmpty() ? null : reason);
        }
    }
}
