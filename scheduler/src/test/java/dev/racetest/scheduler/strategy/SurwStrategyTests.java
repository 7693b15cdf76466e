package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.NoRaces;
import static dev.racetest.scheduler.strategy.ScriptedChoice.Candidate.accesses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.Explorer;
import dev.racetest.scheduler.Operation.Access;
import dev.racetest.scheduler.Seeds;
import dev.racetest.scheduler.StrategyKind;
import dev.racetest.scheduler.TestBody;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(300)
class SurwStrategyTests {

    private static final int WRITE = SyncSites.register(SyncPointKind.FIELD_WRITE,
            "dev.racetest.scheduler.strategy.Surw", "run", "Surw.java", 1, "Surw.last").id();
    private static final int PRIVATE_WRITE = SyncSites.register(SyncPointKind.FIELD_WRITE,
            "dev.racetest.scheduler.strategy.Surw", "run", "Surw.java", 2, "Surw.mine").id();
    private static final int START = SyncSites.register(SyncPointKind.THREAD_START,
            "dev.racetest.scheduler.strategy.Surw", "run", "Surw.java", 3, "Thread.start").id();
    private static final int JOIN = SyncSites.register(SyncPointKind.THREAD_JOIN,
            "dev.racetest.scheduler.strategy.Surw", "run", "Surw.java", 4, "Thread.join").id();

    private static final int EXECUTIONS = 2_000;

    private static final class Cell {
        String last;
    }

    /**
     * A writes a shared cell once, B nine times, each write a step; B also writes a cell of its own
     * twenty times, which no other thread touches. Counts the executions in which A's write is the last.
     * Over the 10 shared writes, interleavings that end with A's are 1 in 10; a uniform choice of thread
     * at each step gives them about 1 in 2^9, since B must win nine tosses first.
     */
    private static TestBody lastWriter(AtomicInteger aLast) {
        return () -> {
            Cell shared = new Cell();
            Thread a = start(() -> {
                Hooks.fieldWrite(shared, WRITE);
                shared.last = "A";
            });
            Thread b = start(() -> {
                Cell mine = new Cell();
                for (int i = 0; i < 9; i++) {
                    Hooks.fieldWrite(shared, WRITE);
                    shared.last = "B";
                    for (int j = 0; j < 2; j++) {
                        Hooks.fieldWrite(mine, PRIVATE_WRITE);
                        mine.last = "B";
                    }
                }
            });
            Hooks.threadJoin(a, JOIN);
            Hooks.threadJoin(b, JOIN);
            if (shared.last.equals("A")) {
                aLast.incrementAndGet();
            }
        };
    }

    private static Thread start(Runnable task) {
        Thread thread = new Thread(task);
        Hooks.threadCreated(thread);
        Hooks.threadStart(thread, START);
        return thread;
    }

    private static double lastWriterRate(StrategyKind kind) {
        AtomicInteger aLast = new AtomicInteger();
        ExplorationResult result = Explorer.explore(NoRaces.settings().withSeed(17).withStrategy(kind)
                .withMaxExecutions(EXECUTIONS).withTimeBudget(Duration.ofMinutes(5)), lastWriter(aLast));
        assertThat(result.executions()).isEqualTo(EXECUTIONS);
        double rate = (double) aLast.get() / EXECUTIONS;
        System.out.printf("%s: A's write was the last of 10 in %d of %d executions (%.4f; uniform: 0.1)%n",
                kind.configName(), aLast.get(), EXECUTIONS, rate);
        return rate;
    }

    @Test
    void samplesTheOrderOfConflictingWritesNearUniformly() {
        double surw = lastWriterRate(StrategyKind.SURW);
        double random = lastWriterRate(StrategyKind.RANDOM);

        assertThat(surw).isBetween(0.07, 0.13);
        assertThat(random).isLessThan(0.02);
    }

    @Test
    void sameSeedAndIndexGiveTheSameSchedule() {
        List<Integer> first = run(5);
        List<Integer> second = run(5);
        List<Integer> otherSeed = run(6);

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    /** Ten executions of 30 decisions between a writer and a reader of one location. */
    private static List<Integer> run(long seed) {
        SurwStrategy surw = new SurwStrategy(seed);
        List<Integer> chosen = new ArrayList<>();
        for (int index = 0; index < 10; index++) {
            surw.beginExecution(index);
            assertThat(surw.executionSeed()).isEqualTo(Seeds.executionSeed(seed, index));
            int previous = -1;
            for (int decision = 0; decision < 30; decision++) {
                ScriptedChoice choice = ScriptedChoice.of(decision, previous,
                        accesses(0, Access.WRITE, 2L << 32), accesses(1, Access.READ, 2L << 32));
                int position = surw.choose(choice);
                surw.stepTaken(choice, position);
                chosen.add(position);
                previous = choice.threadId(position);
            }
        }
        return chosen;
    }

    @Test
    void aThreadsWeightIsItsInterestingEventsLeftAsLearnedFromEarlierExecutions() {
        SurwStrategy surw = new SurwStrategy(1);
        surw.beginExecution(0);
        // Execution 0: T0 writes x three times, T1 reads x once; both sites are new, so interesting.
        ScriptedChoice choice = ScriptedChoice.of(0, -1,
                accesses(0, Access.WRITE, 2L << 32), accesses(1, Access.READ, 2L << 32));
        for (int step = 0; step < 3; step++) {
            surw.stepTaken(choice, 0);
        }
        surw.stepTaken(choice, 1);
        surw.beginExecution(1);

        assertThat(surw.remaining(0)).isEqualTo(3);
        assertThat(surw.remaining(1)).isEqualTo(1);
        assertThat(surw.remaining(7)).isEqualTo(3); // unknown: as long as the longest known thread
        surw.stepTaken(choice, 0);
        assertThat(surw.remaining(0)).isEqualTo(2);
        surw.stepTaken(choice, 1);
        assertThat(surw.remaining(1)).isEqualTo(1); // never below 1: every interleaving stays possible
    }

    @Test
    void aThreadAlsoStandsForTheEventsOfTheThreadsItHasYetToStart() {
        SurwStrategy surw = new SurwStrategy(1);
        surw.beginExecution(0);
        // Execution 0: T0 runs alone and starts T1, which then writes x twice while T0 reads it once.
        ScriptedChoice alone = ScriptedChoice.of(0, -1, accesses(0, Access.READ, 2L << 32));
        surw.stepTaken(alone, 0);
        ScriptedChoice both = ScriptedChoice.of(1, 0,
                accesses(0, Access.READ, 2L << 32), accesses(1, Access.WRITE, 2L << 32));
        surw.stepTaken(both, 1);
        surw.stepTaken(both, 1);
        surw.stepTaken(both, 0);
        surw.beginExecution(1);

        assertThat(surw.remaining(0)).isEqualTo(2 + 2); // its own two reads, and T1's two writes
        surw.stepTaken(alone, 0);
        assertThat(surw.remaining(0)).isEqualTo(1 + 2);
        surw.stepTaken(both, 0); // T1 appears, started by T0
        assertThat(surw.remaining(0)).isEqualTo(1); // its reads are done; T1 now counts for itself
        assertThat(surw.remaining(1)).isEqualTo(2);
    }
}
