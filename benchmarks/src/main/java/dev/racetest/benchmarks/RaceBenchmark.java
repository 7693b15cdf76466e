package dev.racetest.benchmarks;

import dev.racetest.instrument.InstrumentationPolicy;
import dev.racetest.instrument.InstrumentingClassLoader;
import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.Explorer;
import dev.racetest.scheduler.Outcome;
import dev.racetest.scheduler.StrategyKind;
import dev.racetest.scheduler.RaceDetection;
import dev.racetest.scheduler.RaceMode;
import dev.racetest.scheduler.Strategy;
import dev.racetest.scheduler.TestBody;
import dev.racetest.scheduler.runtime.Execution;
import dev.racetest.scheduler.strategy.RandomWalkStrategy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints executions per second of the scheduler on the examples and on synchronized-increment
 * programs, as a table and as one JSON line.
 *
 * <p>Each program is loaded through the instrumenting class loader, as a {@code @RaceTest} would be,
 * and run execution after execution under random walk with a fixed seed; failing executions (the
 * lost update, the deadlock) count like passing ones, since finding them is the work measured.
 * Run it with {@code ./mvnw -q -Pbenchmark verify}; quote ratios from one run, the machine is shared.
 *
 * <p>Every program runs with race detection as configured by default ({@code fail}), and again with
 * races off, in {@value #ROUNDS} alternating rounds of each (on, off, off, on, ...), so that a change in the
 * machine's load falls on both alike; the last column is what detection costs (on / off). A racy program
 * fails at its first race with detection on, so its executions are shorter than with detection off: the
 * cost of detection is the slowdown on the race-free programs, printed last with the 1.5x goal.
 */
public final class RaceBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final Duration MEASURE = Duration.ofSeconds(4);
    private static final int ROUNDS = 8;
    /** What race detection may cost on a race-free program: at most this slowdown. */
    private static final double COST_GOAL = 1.5;

    /**
     * One program; {@code fresh}: loaded through a new class loader for every execution, as
     * racetest.statics=fresh does; {@code strategy}: random walk in the bare execution loop, or, for
     * {@code portfolio-1}/{@code portfolio-2}, a whole exploration with the default strategy on that many
     * carriers (which is what a {@code @RaceTest} runs). Several carriers only with fresh statics: executions
     * that share one loaded program would race on its state for real, which is why the engine runs
     * shared-statics tests on one carrier.
     */
    private record Case(String name, String className, Object argument, boolean fresh, String strategy, boolean raceFree) {
        Case(String name, String className, Object argument, boolean raceFree) {
            this(name, className, argument, false, "random", raceFree);
        }

        Case(String name, String className, Object argument, boolean fresh, boolean raceFree) {
            this(name, className, argument, fresh, "random", raceFree);
        }
    }

    private record Figure(String name, long executions, long failures, double seconds, double offPerSecond,
                          boolean raceFree) {
        double perSecond() {
            return executions / seconds;
        }

        Figure plus(Figure more) {
            return new Figure(name, executions + more.executions, failures + more.failures, seconds + more.seconds,
                    offPerSecond, raceFree);
        }
    }

    private static final RaceDetection RACES_ON = RaceDetection.defaults();
    private static final RaceDetection RACES_OFF = RaceDetection.defaults().withMode(RaceMode.OFF);

    private RaceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Case> cases = List.of(
                new Case("lost-update counter (2 threads x 3 hits)", "LostUpdateCounter", null, false),
                new Case("lost-update counter, fresh statics per execution", "LostUpdateCounter", null, true, false),
                new Case("deadlock example (2 opposing transfers)", "OpposingTransfers", null, true),
                new Case("deadlock example, fresh statics per execution", "OpposingTransfers", null, true, true),
                new Case("sleep-coordinated warm-up (3 s of sleeps)", "SleepCoordinatedWarmUp", null, true),
                new Case("2 threads x 100 synchronized increments", "SynchronizedIncrements", 2, true),
                new Case("4 threads x 100 synchronized increments", "SynchronizedIncrements", 4, true),
                new Case("8 threads x 100 synchronized increments", "SynchronizedIncrements", 8, true),
                new Case("2 x 100 sync increments, portfolio, 1 carrier", "SynchronizedIncrements", 2, false, "portfolio-1", true),
                new Case("same, fresh statics, portfolio, 1 carrier", "SynchronizedIncrements", 2, true, "portfolio-1", true),
                new Case("same, fresh statics, portfolio, 2 carriers", "SynchronizedIncrements", 2, true, "portfolio-2", true));
        List<Figure> figures = new ArrayList<>();
        for (Case benchmark : cases) {
            TestBody body = load(benchmark);
            run(benchmark, body, WARM_UP, RACES_ON);
            run(benchmark, body, WARM_UP, RACES_OFF);
            Figure on = null;
            Figure off = null;
            Duration round = MEASURE.dividedBy(ROUNDS / 2);
            for (int i = 0; i < ROUNDS; i++) {
                boolean racesOn = i % 4 == 0 || i % 4 == 3; // on, off, off, on: each mode as often early as late
                Figure figure = run(benchmark, body, round, racesOn ? RACES_ON : RACES_OFF);
                if (racesOn) {
                    on = on == null ? figure : on.plus(figure);
                } else {
                    off = off == null ? figure : off.plus(figure);
                }
            }
            figures.add(new Figure(on.name(), on.executions(), on.failures(), on.seconds(), off.perSecond(),
                    benchmark.raceFree()));
        }
        System.out.printf(Locale.ROOT, "%-45s %12s %10s %12s %14s %8s%n", "program", "executions", "failures",
                "executions/s", "races off /s", "on/off");
        for (Figure figure : figures) {
            System.out.printf(Locale.ROOT, "%-45s %12d %10d %12.0f %14.0f %8.2f%n", figure.name(), figure.executions(),
                    figure.failures(), figure.perSecond(), figure.offPerSecond(), figure.perSecond() / figure.offPerSecond());
        }
        double logSum = 0;
        double worst = 0;
        int raceFree = 0;
        for (Figure figure : figures) {
            if (figure.raceFree()) {
                double slowdown = figure.offPerSecond() / figure.perSecond();
                logSum += Math.log(slowdown);
                worst = Math.max(worst, slowdown);
                raceFree++;
            }
        }
        double geometricMean = Math.exp(logSum / raceFree);
        System.out.printf(Locale.ROOT, "race detection cost on the %d race-free programs: %.2fx slower on average"
                        + " (geometric mean of off/on), %.2fx at worst; goal at most %.1fx: %s%n", raceFree, geometricMean,
                worst, COST_GOAL, geometricMean <= COST_GOAL ? "met" : "missed");
        StringBuilder json = new StringBuilder("{\"benchmark\":\"executions-per-second\",\"jdk\":\"")
                .append(Runtime.version()).append("\",\"cores\":").append(Runtime.getRuntime().availableProcessors())
                .append(",\"results\":[");
        for (int i = 0; i < figures.size(); i++) {
            Figure figure = figures.get(i);
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"program\":\"%s\",\"executions\":%d,\"failures\":%d,\"executionsPerSecond\":%.0f,"
                            + "\"executionsPerSecondRacesOff\":%.0f}",
                    figure.name(), figure.executions(), figure.failures(), figure.perSecond(), figure.offPerSecond()));
        }
        System.out.println(json.append(String.format(Locale.ROOT, "],\"raceDetectionSlowdown\":%.3f}", geometricMean)));
    }

    private static TestBody load(Case benchmark) throws ReflectiveOperationException {
        if (benchmark.fresh()) {
            Case shared = new Case(benchmark.name(), benchmark.className(), benchmark.argument(), false, benchmark.strategy(),
                    benchmark.raceFree());
            return () -> loadOnce(shared).run();
        }
        return loadOnce(benchmark);
    }

    private static TestBody loadOnce(Case benchmark) throws ReflectiveOperationException {
        ClassLoader loader = new InstrumentingClassLoader(RaceBenchmark.class.getClassLoader(), InstrumentationPolicy.defaults());
        Class<?> type = Class.forName("dev.racetest.benchmarks.programs." + benchmark.className(), true, loader);
        return benchmark.argument() == null
                ? (TestBody) type.getConstructor().newInstance()
                : (TestBody) type.getConstructor(int.class).newInstance(benchmark.argument());
    }

    /** Runs {@code benchmark} for {@code duration}, in the bare execution loop or as a whole exploration. */
    private static Figure run(Case benchmark, TestBody body, Duration duration, RaceDetection races) {
        if (benchmark.strategy().startsWith("portfolio-")) {
            int carriers = Integer.parseInt(benchmark.strategy().substring("portfolio-".length()));
            return explore(benchmark.name(), body, carriers, duration, races);
        }
        return measure(benchmark.name(), body, duration, races);
    }

    /** A whole exploration with the default strategy on {@code carriers} carriers, for {@code duration}. */
    private static Figure explore(String name, TestBody body, int carriers, Duration duration, RaceDetection races) {
        ExplorationSettings settings = ExplorationSettings.defaults().withStrategy(StrategyKind.PORTFOLIO)
                .withParallelism(carriers).withMaxExecutions(Integer.MAX_VALUE).withTimeBudget(duration)
                .withProgressInterval(Duration.ZERO).withRaces(races);
        ExplorationResult result = Explorer.explore(settings, body);
        long failures = result.failure().isPresent() ? 1 : 0;
        return new Figure(name, result.executions(), failures, result.elapsed().toNanos() / 1e9, Double.NaN, false);
    }

    private static Figure measure(String name, TestBody body, Duration duration, RaceDetection races) {
        Strategy strategy = new RandomWalkStrategy(42);
        long executions = 0;
        long failures = 0;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        while (System.nanoTime() < end) {
            for (int batch = 0; batch < 100; batch++) {
                strategy.beginExecution((int) executions);
                Outcome outcome = new Execution(strategy, 100_000, Duration.ofSeconds(10), Execution.DEFAULT_SPURIOUS_WAKEUPS,
                        Execution.DEFAULT_MAX_STALL, races, false).run(body);
                executions++;
                if (outcome.isFailure()) {
                    failures++;
                }
            }
        }
        return new Figure(name, executions, failures, (System.nanoTime() - start) / 1e9, 0, false);
    }
}
