package dev.racetest.benchmarks.bugfinding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.RaceDetection;
import dev.racetest.scheduler.RaceMode;
import dev.racetest.scheduler.Explorer;
import dev.racetest.scheduler.Outcome;
import dev.racetest.scheduler.StrategyKind;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every classic bug program has a bug random walk finds with the default seed, and it is the
 * program's own assertion that fails (not a crash of the harness or an uncontrolled thread).
 * reorder-10 and reorder-50 are left to {@code ReorderChecksTests}: random walk rarely finds them,
 * which is what the benchmark is there to show.
 */
class ClassicProgramsTests {

    static List<Subject> classicProgramsRandomWalkFinds() {
        return Subjects.all().stream().filter(subject -> subject.origin().equals("classic"))
                .filter(subject -> !subject.name().equals("reorder-10") && !subject.name().equals("reorder-50"))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("classicProgramsRandomWalkFinds")
    void randomWalkFindsTheProgramsOwnAssertion(Subject subject) throws ReflectiveOperationException {
        ExplorationSettings settings = ExplorationSettings.defaults().withRaces(RaceDetection.defaults().withMode(RaceMode.OFF))
                .withStrategy(StrategyKind.RANDOM)
                .withMaxExecutions(5_000).withTimeBudget(Duration.ofMinutes(5)).withProgressInterval(Duration.ZERO);

        ExplorationResult result = Explorer.explore(settings, SubjectBodies.of(subject), subject.name());

        assertThat(result.failure()).as("failure of %s", subject.name()).isPresent();
        assertThat(result.failure().get().outcome()).isInstanceOfSatisfying(Outcome.ThreadFailed.class,
                failed -> assertThat(failed.error()).isExactlyInstanceOf(AssertionError.class));
        assertThat(result.failure().get().replayNote()).as("replay note").isNull();
    }
}
