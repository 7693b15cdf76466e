package dev.racetest.conformance.identity;

import static dev.racetest.conformance.Conformance.assertPassesEveryExecution;
import static dev.racetest.conformance.Conformance.assertReplayReproduces;
import static dev.racetest.conformance.Conformance.failureOf;
import static dev.racetest.conformance.Conformance.sourceLine;
import static dev.racetest.conformance.Conformance.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Identity hash codes: a program may print them or iterate hash containers in their order, and a
 * replay must still reproduce its failure exactly.
 */
@Timeout(180)
class IdentityConformanceTests {

    @Test
    void failureNamingAnObjectByItsIdentityReplaysWithTheSameName() {
        String report = failureOf(IdentityInFailureMessageFixture.class);
        assertThat(verdict(report)).matches("java\\.lang\\.AssertionError in thread main: "
                + "dev\\.racetest\\.conformance\\.identity\\.IdentityInFailureMessageFixture\\$Session@[0-9a-f]+ counted 1 of 2 requests");
        assertThat(report).contains(sourceLine(IdentityInFailureMessageFixture.class, "assert"));
        assertReplayReproduces(IdentityInFailureMessageFixture.class, report);
    }

    @Test
    void failureDependingOnHashSetOrderReplaysTheSameWay() {
        String report = failureOf(IdentityHashOrderedIterationFixture.class);
        assertThat(verdict(report)).matches("java\\.lang\\.AssertionError in thread main: (alice|bob|carol) ended with (90|110)");
        assertThat(report).contains(sourceLine(IdentityHashOrderedIterationFixture.class, "assert"));
        assertReplayReproduces(IdentityHashOrderedIterationFixture.class, report);
    }

    @Test
    void lockOrderingByIdentityHashPasses() {
        assertPassesEveryExecution(IdentityLockOrderingFixture.class);
    }
}
