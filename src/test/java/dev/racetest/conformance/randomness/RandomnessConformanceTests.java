package dev.racetest.conformance.randomness;

import static dev.racetest.conformance.Conformance.assertPassesEveryExecution;
import static dev.racetest.conformance.Conformance.assertReplayReproduces;
import static dev.racetest.conformance.Conformance.failureOf;
import static dev.racetest.conformance.Conformance.sourceLine;
import static dev.racetest.conformance.Conformance.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Randomness: unseeded generators are seeded from the schedule, so a failure that depends on random
 * draws replays exactly.
 */
@Timeout(180)
class RandomnessConformanceTests {

    @Test
    void raceWithRandomRetriesReplaysTheSameDraws() {
        String report = failureOf(RandomRetriesFixture.class);
        assertThat(verdict(report)).matches("java\\.lang\\.AssertionError in thread main: counted [1-5] of [123] \\+ [123] attempts");
        assertThat(report).contains(sourceLine(RandomRetriesFixture.class, "assert"));
        assertReplayReproduces(RandomRetriesFixture.class, report);
    }

    @Test
    void slotCollisionFromUnseededRandomReplays() {
        String report = failureOf(SharedRandomBackoffFixture.class);
        assertThat(verdict(report)).matches("java\\.lang\\.AssertionError in thread main: slots (first|second|null), (first|second|null)");
        assertThat(report).contains(sourceLine(SharedRandomBackoffFixture.class, "assert"));
        assertReplayReproduces(SharedRandomBackoffFixture.class, report);
    }

    @Test
    void randomnessUsedCorrectlyPasses() {
        assertPassesEveryExecution(SeededRandomnessFixture.class);
    }
}
