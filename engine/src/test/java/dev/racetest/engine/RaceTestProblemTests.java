package dev.racetest.engine;

import static dev.racetest.engine.RaceTestKit.failureOf;
import static dev.racetest.engine.RaceTestKit.onlyFailure;
import static dev.racetest.engine.RaceTestKit.racetest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.racetest.RaceTestConfigurationException;
import dev.racetest.fixtures.BadAttributesFixture;
import dev.racetest.fixtures.InvalidDeclarationsFixture;
import dev.racetest.fixtures.LostUpdateFixture;
import dev.racetest.fixtures.NoDefaultConstructorFixture;
import dev.racetest.fixtures.SingleThreadFixture;
import dev.racetest.fixtures.SynchronizedCounterFixture;
import dev.racetest.scheduler.Schedule;

import java.nio.file.Path;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Declarations and configuration racetest cannot run fail their tests, and only them, with one sentence. */
@Timeout(120)
class RaceTestProblemTests {

    private static final String SUFFIX = "; fix the -Dracetest.%s system property or its line in junit-platform.properties.";

    @TempDir
    Path reportDir;

    @Test
    void invalidSignaturesFailWithOneSentenceAndTheValidTestStillRuns() {
        EngineExecutionResults results = racetest(reportDir)
                .selectors(selectClass(InvalidDeclarationsFixture.class), selectClass(InvalidDeclarationsFixture.InnerFixture.class))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(1).failed(3));
        assertOneSentence(failureOf(results, "transfer(int)")).hasMessage(
                "@RaceTest method 'transfer(int)' in dev.racetest.fixtures.InvalidDeclarationsFixture must take no "
                        + "parameters: racetest calls it once per execution with none.");
        assertOneSentence(failureOf(results, "total()")).hasMessageContaining("must return void, not int");
        assertOneSentence(failureOf(results, "insideInner()")).hasMessageContaining("is an inner class: declare it static");
    }

    @Test
    void instanceRaceTestNeedsAConstructorWithoutParametersButAStaticOneDoesNot() {
        EngineExecutionResults results = racetest(reportDir).selectors(selectClass(NoDefaultConstructorFixture.class)).execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
        assertOneSentence(onlyFailure(results)).hasMessage(
                "@RaceTest method 'needsInstance()' in dev.racetest.fixtures.NoDefaultConstructorFixture cannot run "
                        + "because the class has no constructor without parameters: add one (it may be private) or "
                        + "make the method static.");
    }

    @Test
    void malformedExecutionsNamesKeyValueFormAndPlace() {
        EngineExecutionResults results = racetest(reportDir)
                .selectors(selectClass(SingleThreadFixture.class))
                .configurationParameter("racetest.executions", "abc")
                .execute();

        assertOneSentence(onlyFailure(results)).hasMessage("Configuration parameter racetest.executions has the invalid "
                + "value 'abc': expected a whole number of at least 1, such as 500" + SUFFIX.formatted("executions"));
    }

    @Test
    void malformedSeedAndDurationAndStrategyAreReportedTheSameWay() {
        assertOneSentence(failureWith("racetest.seed", "12ab")).hasMessage("Configuration parameter racetest.seed has "
                + "the invalid value '12ab': expected a decimal number, a hexadecimal number starting with 0x, or random"
                + SUFFIX.formatted("seed"));
        assertOneSentence(failureWith("racetest.timeBudget", "10 seconds")).hasMessage("Configuration parameter "
                + "racetest.timeBudget has the invalid value '10 seconds': expected a positive duration such as 500ms, "
                + "10s, 2m or PT10S" + SUFFIX.formatted("timeBudget"));
        assertOneSentence(failureWith("racetest.strategy", "fastest")).hasMessage("Configuration parameter "
                + "racetest.strategy has the invalid value 'fastest': expected one of random, pct, pos, surw, portfolio,"
                + " dfs, dpor" + SUFFIX.formatted("strategy"));
        assertOneSentence(failureWith("racetest.mode", "deep")).hasMessageStartingWith("Configuration parameter "
                + "racetest.mode has the invalid value 'deep': expected quick (the default: seconds per test), thorough,"
                + " or exhaustive");
        assertOneSentence(failureWith("racetest.shard", "5/4")).hasMessageStartingWith("Configuration parameter "
                + "racetest.shard has the invalid value '5/4': expected i/n with 1 <= i <= n, such as 2/4");
        assertOneSentence(failureWith("racetest.preemptionBound", "-2")).hasMessageStartingWith("Configuration "
                + "parameter racetest.preemptionBound has the invalid value '-2': expected a whole number of at least 1,"
                + " or none");
        assertOneSentence(failureWith("racetest.progress", "sometimes")).hasMessageStartingWith("Configuration "
                + "parameter racetest.progress has the invalid value 'sometimes': expected off, or a positive duration");
        assertOneSentence(failureWith("racetest.pctDepth", "0")).hasMessageStartingWith("Configuration "
                + "parameter racetest.pctDepth has the invalid value '0': expected a whole number of at least 1");
        assertOneSentence(failureWith("racetest.instrument.exclude", "com/acme")).hasMessageStartingWith(
                "Configuration parameter racetest.instrument.exclude has the invalid value 'com/acme': expected "
                        + "comma-separated package or class name prefixes");
    }

    @Test
    void malformedTokenFailsOnlyTheTestItNames() {
        EngineExecutionResults results = racetest(reportDir)
                .selectors(selectClass(LostUpdateFixture.class), selectClass(SynchronizedCounterFixture.class))
                .configurationParameter("racetest.executions", "5")
                .configurationParameter("racetest.replay", LostUpdateFixture.class.getName() + "#incrementTwice:rt1.AAAA")
                .execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
        assertOneSentence(onlyFailure(results)).hasMessageStartingWith("Configuration parameter racetest.replay has the "
                        + "invalid value 'rt1.AAAA': expected a schedule token copied whole from a racetest failure "
                        + "report, but it is too short, probably cut off when copied")
                .hasMessageEndingWith(SUFFIX.formatted("replay"));
    }

    @Test
    void replayWithoutATargetFailsEveryTestSinceItCannotTellWhichItMeant() {
        EngineExecutionResults results = racetest(reportDir)
                .selectors(selectClass(SingleThreadFixture.class), selectClass(SynchronizedCounterFixture.class))
                .configurationParameter("racetest.replay", "rt1.AAAA")
                .execute();

        results.testEvents().assertStatistics(stats -> stats.failed(2));
        assertOneSentence(failureOf(results, "countAlone()")).hasMessage("Configuration parameter racetest.replay has "
                + "the invalid value 'rt1.AAAA': expected fully.qualified.Class#method:TOKEN, as printed in a racetest "
                + "failure report" + SUFFIX.formatted("replay"));
    }

    @Test
    void malformedAnnotationAttributesNameTheTestAndTheAttribute() {
        EngineExecutionResults results = racetest(reportDir).selectors(selectClass(BadAttributesFixture.class)).execute();

        results.testEvents().assertStatistics(stats -> stats.failed(4));
        String on = " on " + BadAttributesFixture.class.getName() + "#";
        assertOneSentence(failureOf(results, "badTimeBudget()")).hasMessage("@RaceTest(timeBudget)" + on + "badTimeBudget "
                + "has the invalid value 'soon': expected a positive duration such as 500ms, 10s, 2m or PT10S; fix the annotation.");
        assertOneSentence(failureOf(results, "badSeed()")).hasMessageStartingWith("@RaceTest(seed)" + on + "badSeed has the invalid value '0xZZ'");
        assertOneSentence(failureOf(results, "negativeExecutions()")).hasMessage("@RaceTest(executions)" + on
                + "negativeExecutions has the invalid value '-3': expected a whole number of at least 1, or 0 to use "
                + "racetest.executions; fix the annotation.");
        assertOneSentence(failureOf(results, "badReplayToken()")).hasMessageStartingWith("@RaceTest(replay)" + on
                + "badReplayToken has the invalid value 'rt1.notAToken': expected a schedule token copied whole");
    }

    @Test
    void aReplayParameterNamingTheTestWinsOverItsAnnotation() {
        EngineExecutionResults results = racetest(reportDir)
                .selectors(selectClass(BadAttributesFixture.class))
                .configurationParameter("racetest.replay", BadAttributesFixture.class.getName() + "#badReplayToken:"
                        + new Schedule(0, new int[0]).token())
                .execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(3));
    }

    private EngineExecutionResults runSingleThreadFixture(String key, String value) {
        return racetest(reportDir).selectors(selectClass(SingleThreadFixture.class)).configurationParameter(key, value).execute();
    }

    private Throwable failureWith(String key, String value) {
        return onlyFailure(runSingleThreadFixture(key, value));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertOneSentence(Throwable failure) {
        assertThat(failure).isInstanceOf(RaceTestConfigurationException.class).hasNoCause();
        assertThat(failure.getStackTrace()).isEmpty();
        assertThat(failure.getMessage()).doesNotContain("\n").doesNotContain("Exception").endsWith(".");
        return assertThat(failure);
    }
}
