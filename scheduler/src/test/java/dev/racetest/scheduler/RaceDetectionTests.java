package dev.racetest.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.sample.RacePrograms;
import dev.racetest.scheduler.report.FailureReport;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The happens-before race detector, on hand-instrumented programs: races are reported with both
 * accesses whatever the interleaving, and every kind of synchronisation racetest sees orders accesses.
 * Seeded random walk over a few hundred executions, so every run explores the same schedules.
 */
@Timeout(60)
class RaceDetectionTests {

    private static final ExplorationSettings SETTINGS = ExplorationSettings.defaults()
            .withSeed(7).withMaxExecutions(300).withTimeBudget(Duration.ofSeconds(30));

    private static Outcome.DataRace raceIn(ExplorationResult result) {
        assertThat(result.failure()).as("a failure").isPresent();
        Outcome outcome = result.failure().get().outcome();
        assertThat(outcome).isInstanceOf(Outcome.DataRace.class);
        return (Outcome.DataRace) outcome;
    }

    private static void assertNoRace(TestBodyFactory program) {
        ExplorationResult result = Explorer.explore(SETTINGS, program.body());
        assertThat(result.failure()).as("failure of %s", result.failure().map(f -> f.outcome().headline()))
                .isEmpty();
        assertThat(result.executions()).isEqualTo(300);
    }

    @FunctionalInterface
    private interface TestBodyFactory {
        TestBody body();
    }

    @Test
    void anUnsynchronisedWriteReadPairIsReportedWithBothAccessesAndTheirStacks() {
        ExplorationResult result = Explorer.explore(SETTINGS, RacePrograms.unsynchronisedWriteRead());

        Failure failure = result.failure().orElseThrow();
        Outcome.DataRace race = raceIn(result);
        assertThat(failure.executionIndex()).as("every interleaving of the pair races").isZero();
        assertThat(failure.replayNote()).isNull();
        assertThat(race.variable()).isEqualTo("Box.value");
        RaceAccess write = race.earlier().write() ? race.earlier() : race.later();
        RaceAccess read = race.earlier().write() ? race.later() : race.earlier();
        assertThat(write.write()).isTrue();
        assertThat(read.write()).isFalse();
        assertThat(write.threadName()).isEqualTo("writer");
        assertThat(read.threadName()).isEqualTo("reader");
        assertThat(write.location()).isEqualTo("RacePrograms.run(RacePrograms.java:11)");
        assertThat(read.location()).isEqualTo("RacePrograms.run(RacePrograms.java:10)");
        // The replay that checks the failure captures the earlier access's stack too.
        assertThat(write.stack()).extracting(StackTraceElement::getMethodName).contains("writeValue");
        assertThat(read.stack()).extracting(StackTraceElement::getMethodName).contains("readValue");
        assertThat(race.headline()).startsWith("data race on Box.value: T").endsWith(" without happens-before")
                .contains("T1 writer wrote at RacePrograms.run(RacePrograms.java:11)")
                .contains("T2 reader read at RacePrograms.run(RacePrograms.java:10)");

        String report = FailureReport.format(failure, result, List.of("replay line"));
        assertThat(report).contains("racetest found a failure: data race on Box.value")
                .contains("first: T").contains("then: T")
                .contains("at dev.racetest.sample.RacePrograms.writeValue(")
                .contains("at dev.racetest.sample.RacePrograms.readValue(")
                .contains("Interleaving, one column per thread");
        // The later access is marked as the failing step, the earlier one as the access it races with,
        // both with their full locations.
        RaceAccess earlier = race.earlier();
        RaceAccess later = race.later();
        assertThat(report.lines().filter(line -> line.startsWith(">>"))).singleElement().asString()
                .endsWith(later.location());
        assertThat(report.lines().filter(line -> line.startsWith("> "))).singleElement().asString()
                .endsWith(earlier.location());
    }

    @Test
    void theSamePairUnderOneMonitorIsNoRace() {
        assertNoRace(RacePrograms::writeReadUnderMonitor);
    }

    @Test
    void startAndJoinOrderTheParentAndTheChild() {
        assertNoRace(RacePrograms::startAndJoinOrder);
    }

    @Test
    void aVolatileFlagPublishesWhatWasWrittenBeforeIt() {
        assertNoRace(RacePrograms::volatileFlagPublication);
    }

    @Test
    void anAtomicPublishesWhatWasWrittenBeforeIt() {
        assertNoRace(RacePrograms::atomicPublication);
    }

    @Test
    void aBlockingQueueHandOffSeenAtItsCallSitesIsNoRace() {
        assertNoRace(RacePrograms::queueHandOff);
    }

    @Test
    void doubleCheckedLockingWithoutVolatileIsReported() {
        Outcome.DataRace race = raceIn(Explorer.explore(SETTINGS, RacePrograms.doubleCheckedLockingWithoutVolatile()));

        assertThat(race.variable()).isEqualTo("Lazy.instance");
        assertThat(List.of(race.earlier().write(), race.later().write())).containsExactlyInAnyOrder(true, false);
        assertThat(race.later().threadId()).isNotEqualTo(race.earlier().threadId());
    }

    @Test
    void arrayElementsAreLocationsOfTheirOwn() {
        Outcome.DataRace race = raceIn(Explorer.explore(SETTINGS, RacePrograms.arrayElementWrites()));
        assertThat(race.variable()).isEqualTo("int[] element 2");
        assertThat(race.earlier().write()).isTrue();
        assertThat(race.later().write()).isTrue();

        assertNoRace(RacePrograms::distinctArrayElements);
    }

    @Test
    void inWarnModeTheFirstRaceIsKeptAndTheTestDoesNotFail() {
        ExplorationSettings warn = SETTINGS.withRaces(RaceDetection.defaults().withMode(RaceMode.WARN));
        ExplorationResult result = Explorer.explore(warn, RacePrograms.unsynchronisedWriteRead());

        assertThat(result.failure()).isEmpty();
        assertThat(result.executions()).isEqualTo(300);
        assertThat(result.raceWarning()).hasValueSatisfying(race -> assertThat(race.variable()).isEqualTo("Box.value"));

        assertThat(Explorer.explore(warn, RacePrograms.writeReadUnderMonitor()).raceWarning()).isEmpty();
    }

    @Test
    void offModeLooksForNoRace() {
        ExplorationSettings off = SETTINGS.withRaces(RaceDetection.defaults().withMode(RaceMode.OFF));
        ExplorationResult result = Explorer.explore(off, RacePrograms.unsynchronisedWriteRead());

        assertThat(result.failure()).isEmpty();
        assertThat(result.raceWarning()).isEmpty();
        assertThat(result.executions()).isEqualTo(300);
    }

    @Test
    void aFieldAnnotatedBenignIsNotReported() {
        assertNoRace(RacePrograms::benignHitCounter);
    }

    @Test
    void aFieldConfiguredBenignIsNotReportedAndOnlyThatField() {
        assertThat(raceIn(Explorer.explore(SETTINGS, RacePrograms.missCounter())).variable()).isEqualTo("Stats.misses");

        ExplorationSettings benign = SETTINGS.withRaces(
                RaceDetection.defaults().withBenignFields(Set.of(RacePrograms.MISSES_FIELD)));
        assertThat(Explorer.explore(benign, RacePrograms.missCounter()).failure()).isEmpty();
        assertThat(raceIn(Explorer.explore(benign, RacePrograms.unsynchronisedWriteRead())).variable())
                .isEqualTo("Box.value");
    }
}
