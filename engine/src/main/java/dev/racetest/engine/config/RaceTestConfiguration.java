package dev.racetest.engine.config;

import dev.racetest.RaceTest;
import dev.racetest.RaceTestConfigurationException;
import dev.racetest.instrument.InstrumentationPolicy;

import java.lang.reflect.Method;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.junit.platform.engine.ConfigurationParameters;

/**
 * Read racetest's JUnit configuration parameters and resolve the settings of each test.
 *
 * <p>JUnit reads configuration parameters from the launcher request, then from JVM system properties
 * ({@code -Dracetest.executions=5000}), then from {@code junit-platform.properties} on the test class
 * path. The keys:
 *
 * <table>
 *   <caption>racetest configuration parameters</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th><th>accepted values</th></tr>
 *   <tr><td>{@code racetest.mode}</td><td>how hard to explore: sets the strategy and budgets below unless
 *       they are set</td><td>{@code quick}</td><td>{@code quick} (portfolio, 1000 executions, 10s),
 *       {@code thorough} (portfolio, 100000, 5m), {@code exhaustive} or {@code nightly} (dpor, unlimited, 1h)</td></tr>
 *   <tr><td>{@code racetest.executions}</td><td>executions per test, at most (for sampling strategies, across
 *       all shards)</td><td>by mode</td><td>a whole number of at least 1</td></tr>
 *   <tr><td>{@code racetest.timeBudget}</td><td>wall time after which no new execution starts</td>
 *       <td>by mode</td><td>{@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h} or ISO-8601 ({@code PT10S})</td></tr>
 *   <tr><td>{@code racetest.seed}</td><td>seed of the strategy</td><td>{@code 0x5EED2026}</td>
 *       <td>decimal, hexadecimal with {@code 0x}, or {@code random}</td></tr>
 *   <tr><td>{@code racetest.strategy}</td><td>how the next thread is chosen</td><td>by mode</td>
 *       <td>{@code portfolio}, {@code random}, {@code pct}, {@code pos}, {@code surw}, {@code dfs}, {@code dpor}</td></tr>
 *   <tr><td>{@code racetest.pctDepth}</td><td>the bug depth PCT targets</td><td>3</td>
 *       <td>a whole number of at least 1</td></tr>
 *   <tr><td>{@code racetest.preemptionBound}</td><td>for {@code dfs} and {@code dpor}: preemptions per
 *       execution, at most</td><td>{@code none}</td><td>a whole number of at least 1, or {@code none}</td></tr>
 *   <tr><td>{@code racetest.shard}</td><td>which part of the space this job explores, so n CI jobs cover it
 *       exactly once</td><td>{@code 1/1}</td><td>{@code i/n}, such as {@code 2/4}</td></tr>
 *   <tr><td>{@code racetest.parallelism}</td><td>how many executions of a test run at once, each on its own
 *       carrier thread (sampling strategies with fresh statics; the results do not depend on it)</td>
 *       <td>1</td><td>a whole number of at least 1, or {@code auto} (one per processor)</td></tr>
 *   <tr><td>{@code racetest.progress}</td><td>interval between progress lines of a long run</td><td>10s</td>
 *       <td>a duration, or {@code off}</td></tr>
 *   <tr><td>{@code racetest.checkpoint}</td><td>whether an exhaustive run writes its state under the report
 *       directory and resumes from it after an interruption</td><td>{@code on}</td><td>{@code on} or {@code off}</td></tr>
 *   <tr><td>{@code racetest.maxSteps}</td><td>steps one execution may take before it is a livelock</td>
 *       <td>100000</td><td>a whole number of at least 1</td></tr>
 *   <tr><td>{@code racetest.executionTimeout}</td><td>wall time one execution may take before it is stuck</td>
 *       <td>10s</td><td>a duration, as for {@code racetest.timeBudget}</td></tr>
 *   <tr><td>{@code racetest.replay}</td><td>replay one schedule in one test instead of exploring</td>
 *       <td>none</td><td>{@code fully.qualified.Class#method:TOKEN}</td></tr>
 *   <tr><td>{@code racetest.instrument.include}</td><td>rewrite only classes with these name prefixes</td>
 *       <td>every class not excluded</td><td>comma-separated prefixes such as {@code com.acme.}</td></tr>
 *   <tr><td>{@code racetest.instrument.exclude}</td><td>never rewrite classes with these name prefixes
 *       (the JDK, test frameworks and racetest itself are always excluded)</td><td>none</td>
 *       <td>comma-separated prefixes</td></tr>
 *   <tr><td>{@code racetest.reportDir}</td><td>where failure reports are written</td>
 *       <td>{@code target/racetest-reports}</td><td>a directory path, relative to the working directory</td></tr>
 *   <tr><td>{@code racetest.statics}</td><td>whether every execution loads the program afresh, so statics
 *       start as the JVM would start them (initialisation races are found), or all executions of a test
 *       share one load (faster)</td><td>{@code fresh}</td><td>{@code fresh} or {@code shared}</td></tr>
 *   <tr><td>{@code racetest.spuriousWakeups}</td><td>spurious wake-ups of {@code wait}, {@code park} and
 *       {@code Condition.await} one execution may have, each a choice the strategy makes</td><td>1</td>
 *       <td>a whole number of at least 0</td></tr>
 *   <tr><td>{@code racetest.determinismCheck}</td><td>run every schedule twice and fail at the first step
 *       where the runs differ</td><td>{@code false}</td><td>{@code true} or {@code false}</td></tr>
 *   <tr><td>{@code racetest.maxStall}</td><td>how far ahead on the virtual clock a timeout may expire while
 *       other threads could still run (a machine stalling that long); {@code 0} only when none can</td>
 *       <td>1s</td><td>a duration, as for {@code racetest.timeBudget}, or {@code 0}</td></tr>
 *   <tr><td>{@code racetest.races}</td><td>what a data race (two threads accessing a field or array element,
 *       one writing, with no happens-before between them) does: fail the test, be reported as a warning
 *       (the first of the run, as a report entry), or not be looked for</td><td>{@code fail}</td>
 *       <td>{@code fail}, {@code warn} or {@code off}</td></tr>
 *   <tr><td>{@code racetest.races.benign}</td><td>fields whose races are intended and not reported, besides
 *       those annotated {@code @BenignRace}</td><td>none</td>
 *       <td>comma-separated fields named by their declaring class, such as {@code com.acme.Stats.hits}
 *       ({@code $} for a nested class)</td></tr>
 *   <tr><td>{@code racetest.leaks}</td><td>what threads the test body left behind, unable to ever end (a pool
 *       never shut down, a worker blocked in {@code take()} forever), do: fail the test, be reported as a
 *       warning (the first of the run, as a report entry), or not be reported; they are torn down in every
 *       case</td><td>{@code fail}</td><td>{@code fail}, {@code warn} or {@code off}</td></tr>
 *   <tr><td>{@code racetest.failures}</td><td>what the failure database does: each failing schedule is stored
 *       (up to 5 per test, newest first); the next run replays them as its first executions, drops one that
 *       passes now or no longer fits the code (a divergence is not a failure), and fails at once on one that
 *       still fails; an explicit {@code racetest.replay} or {@code @RaceTest(replay)} bypasses it</td>
 *       <td>{@code replay-first}</td><td>{@code replay-first} (then explore as usual), {@code replay-only}
 *       (explore nothing; a test with nothing stored runs no execution and passes, with a report entry
 *       saying so) or {@code off} (neither read nor write)</td></tr>
 *   <tr><td>{@code racetest.failures.dir}</td><td>where the failure database keeps one file per test,
 *       {@code <class>.<method>.json} ({@code .shard-i-of-n.json} for a shard)</td>
 *       <td>{@code target/racetest-failures}</td><td>a directory path, relative to the working directory</td></tr>
 * </table>
 *
 * <p><b>Precedence</b>, per setting, highest first:
 * <ol>
 *   <li>a {@code racetest.replay} parameter that names this test ({@code Class#method:TOKEN});</li>
 *   <li>an attribute set on the test's {@code @RaceTest} annotation, including {@code replay};</li>
 *   <li>the configuration parameter ({@code -D} system property or {@code junit-platform.properties});</li>
 *   <li>racetest's built-in default.</li>
 * </ol>
 * A replay runs one execution, so the execution count, time budget, seed and strategy do not apply
 * to it; the step limit and the execution timeout still do.
 *
 * <p>A malformed value fails only the tests it applies to, with one sentence naming the key, the
 * value, the accepted form and where to fix it ({@link RaceTestConfigurationException}); a
 * malformed {@code racetest.replay} fails every test, since it cannot tell which test it meant.
 *
 * <p>Not thread-safe: one instance serves one engine execution, which runs tests one at a time.
 */
public final class RaceTestConfiguration {

    public static final String EXECUTIONS = "racetest.executions";
    public static final String TIME_BUDGET = "racetest.timeBudget";
    public static final String SEED = "racetest.seed";
    public static final String STRATEGY = "racetest.strategy";
    public static final String MAX_STEPS = "racetest.maxSteps";
    public static final String EXECUTION_TIMEOUT = "racetest.executionTimeout";
    public static final String REPLAY = "racetest.replay";
    public static final String INSTRUMENT_INCLUDE = "racetest.instrument.include";
    public static final String INSTRUMENT_EXCLUDE = "racetest.instrument.exclude";
    public static final String REPORT_DIR = "racetest.reportDir";
    public static final String STATICS = "racetest.statics";
    public static final String SPURIOUS_WAKEUPS = "racetest.spuriousWakeups";
    public static final String DETERMINISM_CHECK = "racetest.determinismCheck";
    public static final String MAX_STALL = "racetest.maxStall";
    public static final String MODE = "racetest.mode";
    public static final String PCT_DEPTH = "racetest.pctDepth";
    public static final String PREEMPTION_BOUND = "racetest.preemptionBound";
    public static final String SHARD = "racetest.shard";
    public static final String PROGRESS = "racetest.progress";
    public static final String CHECKPOINT = "racetest.checkpoint";
    public static final String PARALLELISM = "racetest.parallelism";
    public static final String RACES = "racetest.races";
    public static final String BENIGN_RACES = "racetest.races.benign";
    public static final String LEAKS = "racetest.leaks";
    public static final String FAILURES = "racetest.failures";
    public static final String FAILURES_DIR = "racetest.failures.dir";

    /** Every key racetest reads. */
    public static final List<String> KEYS = List.of(EXECUTIONS, TIME_BUDGET, SEED, STRATEGY, MAX_STEPS,
            EXECUTION_TIMEOUT, REPLAY, INSTRUMENT_INCLUDE, INSTRUMENT_EXCLUDE, REPORT_DIR, STATICS, SPURIOUS_WAKEUPS,
            DETERMINISM_CHECK, MAX_STALL, MODE, PCT_DEPTH, PREEMPTION_BOUND, SHARD, PROGRESS, CHECKPOINT,
            PARALLELISM, RACES, BENIGN_RACES, LEAKS, FAILURES, FAILURES_DIR);

    /** Where failure reports go when {@link #REPORT_DIR} is not set. */
    public static final String DEFAULT_REPORT_DIR = "target/racetest-reports";

    /** Where the failure database lives when {@link #FAILURES_DIR} is not set. */
    public static final String DEFAULT_FAILURES_DIR = "target/racetest-failures";

    private final ConfigurationParameters parameters;
    /** The seed every {@code random} test of this run shares, picked on first use; null until then. */
    private Long randomSeed;

    /** Create a configuration that reads {@code parameters}. */
    public RaceTestConfiguration(ConfigurationParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters must not be null");
    }

    /**
     * Resolve the settings of {@code method}, run as a test of {@code testClass}, in the order of
     * precedence described above.
     *
     * @throws RaceTestConfigurationException when a value that applies to this test is malformed
     */
    public ResolvedSettings settingsFor(Class<?> testClass, Method method) {
        RaceTest annotation = method.getAnnotation(RaceTest.class);
        Objects.requireNonNull(annotation, "method must be annotated with @RaceTest");
        return new SettingsResolver(this, testClass, method, annotation).resolve();
    }

    /**
     * Return which classes to rewrite, from {@link #INSTRUMENT_INCLUDE} and {@link #INSTRUMENT_EXCLUDE}.
     *
     * @throws RaceTestConfigurationException when a prefix is malformed
     */
    public InstrumentationPolicy instrumentationPolicy() {
        InstrumentationPolicy policy = InstrumentationPolicy.defaults();
        Optional<String> includes = parameter(INSTRUMENT_INCLUDE);
        if (includes.isPresent()) {
            policy = policy.withIncludes(parse(INSTRUMENT_INCLUDE, includes.get(), Values.PREFIXES_FORM, Values::prefixes));
        }
        Optional<String> excludes = parameter(INSTRUMENT_EXCLUDE);
        if (excludes.isPresent()) {
            policy = policy.withExcludes(parse(INSTRUMENT_EXCLUDE, excludes.get(), Values.PREFIXES_FORM, Values::prefixes));
        }
        return policy;
    }

    /**
     * Return the directory failure reports are written to, from {@link #REPORT_DIR}.
     *
     * @throws RaceTestConfigurationException when the value is not a path
     */
    public Path reportDir() {
        return parse(REPORT_DIR, parameter(REPORT_DIR).orElse(DEFAULT_REPORT_DIR), Values.REPORT_DIR_FORM,
                RaceTestConfiguration::path);
    }

    private static Path path(String text) {
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException notAPath) {
            throw new IllegalArgumentException();
        }
    }

    /**
     * Return what the failure database does, from {@link #FAILURES}.
     *
     * @throws RaceTestConfigurationException when the value is not one of the modes
     */
    public FailuresMode failuresMode() {
        return parameter(FAILURES).map(value -> parse(FAILURES, value, Values.FAILURES_FORM, FailuresMode::fromConfigName))
                .orElse(FailuresMode.REPLAY_FIRST);
    }

    /**
     * Return the directory of the failure database, from {@link #FAILURES_DIR}.
     *
     * @throws RaceTestConfigurationException when the value is not a path
     */
    public Path failuresDir() {
        return parse(FAILURES_DIR, parameter(FAILURES_DIR).orElse(DEFAULT_FAILURES_DIR), Values.FAILURES_DIR_FORM,
                RaceTestConfiguration::path);
    }

    /**
     * Return whether exhaustive runs keep a checkpoint to resume from, from {@link #CHECKPOINT}.
     *
     * @throws RaceTestConfigurationException when the value is neither on nor off
     */
    public boolean checkpointing() {
        return parameter(CHECKPOINT).map(value -> parse(CHECKPOINT, value, Values.CHECKPOINT_FORM, Values::onOff))
                .orElse(true);
    }

    /**
     * Return the test and schedule {@link #REPLAY} names, if it is set.
     *
     * @throws RaceTestConfigurationException when the value does not have the form {@code Class#method:TOKEN}
     */
    Optional<ReplayTarget> replayTarget() {
        return parameter(REPLAY).map(value -> parse(REPLAY, value, ReplayTarget.FORM, ReplayTarget::parse));
    }

    /**
     * Return the test and schedule {@link #REPLAY} names, or empty when it is not set or malformed
     * (running the tests reports a malformed value).
     */
    public Optional<ReplayTarget> replayTargetIfValid() {
        try {
            return replayTarget();
        } catch (RaceTestConfigurationException malformed) {
            return Optional.empty();
        }
    }

    /** Return the configuration parameter {@code key}, unless it is blank. */
    Optional<String> parameter(String key) {
        return parameters.get(key).filter(value -> !value.isBlank());
    }

    /** Return this run's random seed, picking it on first use so every test of the run shares it. */
    long randomSeed() {
        if (randomSeed == null) {
            randomSeed = new SecureRandom().nextLong();
        }
        return randomSeed;
    }

    /** Apply {@code parser} to the value of configuration parameter {@code key}, or fail with one sentence. */
    <T> T parse(String key, String value, String form, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException malformed) {
            throw invalidParameter(key, value, withReason(form, malformed));
        }
    }

    /** Append the reason a parser gave, if any, to the accepted form. */
    static String withReason(String form, IllegalArgumentException malformed) {
        return malformed.getMessage() == null ? form : form + ", but " + malformed.getMessage();
    }

    /** Return the sentence for a malformed configuration parameter. */
    static RaceTestConfigurationException invalidParameter(String key, String value, String form) {
        return new RaceTestConfigurationException("Configuration parameter " + key + " has the invalid value '"
                + value + "': expected " + form + "; fix the -D" + key
                + " system property or its line in junit-platform.properties.");
    }
}
