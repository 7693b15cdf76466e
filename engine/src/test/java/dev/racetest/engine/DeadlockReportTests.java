package dev.racetest.engine;

import static dev.racetest.engine.RaceTestKit.failureOf;
import static dev.racetest.engine.RaceTestKit.onlyFailure;
import static dev.racetest.engine.RaceTestKit.racetest;
import static dev.racetest.engine.RaceTestKit.reportEntries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.racetest.RaceTestConfigurationException;
import dev.racetest.fixtures.deadlocks.BlockedEverywhereFixture;
import dev.racetest.fixtures.deadlocks.LockBookkeepingFixture;
import dev.racetest.fixtures.deadlocks.LockCycleFixture;
import dev.racetest.fixtures.deadlocks.SpinFixture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * What a report says when threads cannot go on: lock cycles over {@code java.util.concurrent.locks}
 * locks (alone, read-write, mixed with monitors) with who holds what and where it was taken; threads all
 * blocked without a cycle, each named by the call it waits in; leaked threads as {@code racetest.leaks}
 * says; and spin loops with the thread and the lines it keeps going round. Every fixture is explored
 * depth-first, so the same interleaving and the same report come every run.
 */
@Timeout(120)
class DeadlockReportTests {

    private static final Path FIXTURES = Path.of("src/test/java/dev/racetest/fixtures/deadlocks");

    @TempDir
    static Path reportDir;

    private static EngineExecutionResults cycles;
    private static EngineExecutionResults blocked;

    @BeforeAll
    static void runFixtures() {
        cycles = racetest(reportDir).selectors(selectClass(LockCycleFixture.class),
                selectClass(LockBookkeepingFixture.class)).execute();
        blocked = racetest(reportDir).selectors(selectClass(BlockedEverywhereFixture.class),
                selectClass(SpinFixture.class)).execute();
    }

    @Test
    void twoReentrantLocksInOppositeOrderAreACycleNamingHoldersAndWhereEachWasTaken() {
        String report = failureOf(cycles, "twoReentrantLocksInOppositeOrder()").getMessage();
        String outer = at(LockCycleFixture.class, "transfer", "outer-lock");
        String inner = at(LockCycleFixture.class, "transfer", "inner-lock");

        assertThat(report).startsWith(
                "racetest found a failure: deadlock: T1 alice-to-bob, T2 bob-to-alice wait for each other's locks\n");
        assertThat(report).contains(
                "  T1 alice-to-bob waits for ReentrantLock#2 (held by T2 bob-to-alice)\n"
                        + "      at " + inner + "\n"
                        + "      holds ReentrantLock#1 (locked at " + outer + ")\n",
                "  T2 bob-to-alice waits for ReentrantLock#1 (held by T1 alice-to-bob)\n"
                        + "      at " + inner + "\n"
                        + "      holds ReentrantLock#2 (locked at " + outer + ")\n");
    }

    @Test
    void aReadHolderAndAWriterWaitingForEachOtherAreACycle() {
        String report = failureOf(cycles, "readHolderWaitsForTheWritersLock()").getMessage();
        String reader = "LockCycleFixture.lambda$readHolderWaitsForTheWritersLock$0";
        String writer = "LockCycleFixture.lambda$readHolderWaitsForTheWritersLock$1";

        assertThat(report).startsWith("racetest found a failure: deadlock: T1 reader, T2 writer wait for each other's locks\n");
        assertThat(report).contains(
                "  T1 reader waits for ReentrantLock#1 (held by T2 writer)\n"
                        + "      at " + at(LockCycleFixture.class, reader, "reader-journal") + "\n"
                        + "      holds read lock of ReentrantReadWriteLock#1 (locked at "
                        + at(LockCycleFixture.class, reader, "read-lock") + ")\n",
                "  T2 writer waits for write lock of ReentrantReadWriteLock#1 (held by T1 reader)\n"
                        + "      at " + at(LockCycleFixture.class, writer, "write-lock") + "\n"
                        + "      holds ReentrantLock#1 (locked at " + at(LockCycleFixture.class, writer, "writer-journal") + ")\n");
    }

    @Test
    void aMonitorAndAReentrantLockInOppositeOrderAreACycle() {
        String report = failureOf(cycles, "monitorAndReentrantLockInOppositeOrder()").getMessage();
        String first = "LockCycleFixture.lambda$monitorAndReentrantLockInOppositeOrder$0";
        String second = "LockCycleFixture.lambda$monitorAndReentrantLockInOppositeOrder$1";

        assertThat(report).startsWith(
                "racetest found a failure: deadlock: T1 ledger-first, T2 vault-first wait for each other's locks\n");
        assertThat(report).contains(
                "  T1 ledger-first waits for ReentrantLock#1 (held by T2 vault-first)\n"
                        + "      at " + at(LockCycleFixture.class, first, "mixed-waits-vault") + "\n"
                        + "      holds lock on Object#1 (locked at " + at(LockCycleFixture.class, first, "mixed-monitor") + ")\n",
                "  T2 vault-first waits for lock on Object#1 (held by T1 ledger-first)\n"
                        + "      at " + at(LockCycleFixture.class, second, "mixed-waits-ledger") + "\n"
                        + "      holds ReentrantLock#1 (locked at " + at(LockCycleFixture.class, second, "mixed-vault") + ")\n");
    }

    @Test
    void reentrantHoldsAreCountedAndAConditionAwaitKeepsWhereTheLockWasTaken() {
        String report = failureOf(cycles, "holdsSurviveReentrancyAwaitAndFailedCalls()").getMessage();
        String saver = "lambda$holdsSurviveReentrancyAwaitAndFailedCalls$0";
        String funder = "lambda$holdsSurviveReentrancyAwaitAndFailedCalls$1";

        // The funder's failed tryLock and its unlock without holding the lock changed nobody's holds.
        assertThat(report).startsWith("racetest found a failure: deadlock: T1 saver, T2 funder wait for each other's locks\n");
        assertThat(report).contains(
                "  T1 saver waits for ReentrantLock#2 (held by T2 funder)\n"
                        + "      at " + at(LockBookkeepingFixture.class, saver, "saver-waits-audit") + "\n"
                        + "      holds ReentrantLock#1 (locked at " + at(LockBookkeepingFixture.class, saver, "saver-account")
                        + ", 2 holds)\n",
                "  T2 funder waits for ReentrantLock#1 (held by T1 saver)\n"
                        + "      at " + at(LockBookkeepingFixture.class, funder, "funder-waits-account") + "\n"
                        + "      holds ReentrantLock#2 (locked at " + at(LockBookkeepingFixture.class, funder, "funder-audit")
                        + ")\n");
    }

    @Test
    void aStampedLocksWriteStampBlocksAReaderOnACycle() {
        String report = failureOf(cycles, "stampedWriteLockAndReentrantLockInOppositeOrder()").getMessage();
        String writer = "lambda$stampedWriteLockAndReentrantLockInOppositeOrder$0";
        String reader = "lambda$stampedWriteLockAndReentrantLockInOppositeOrder$1";

        assertThat(report).contains(
                "  T1 writer waits for ReentrantLock#1 (held by T2 reader)\n"
                        + "      at " + at(LockBookkeepingFixture.class, writer, "writer-waits-index") + "\n"
                        + "      holds write lock of StampedLock#1 (locked at "
                        + at(LockBookkeepingFixture.class, writer, "stamp-write") + ")\n",
                "  T2 reader waits for read lock of StampedLock#1 (held by T1 writer)\n"
                        + "      at " + at(LockBookkeepingFixture.class, reader, "reader-waits-stamp") + "\n"
                        + "      holds ReentrantLock#1 (locked at " + at(LockBookkeepingFixture.class, reader, "reader-index")
                        + ")\n");
    }

    @Test
    void threadsBlockedWithoutACycleAreNamedByTheCallTheyWaitIn() {
        String report = failureOf(blocked, "producerAndConsumerOnTheWrongQueues()").getMessage();

        assertThat(report).startsWith("racetest found a failure: deadlock: 3 threads are blocked and none can go on\n");
        assertThat(report).contains(
                "  T1 producer waits for ArrayBlockingQueue#1.put()\n      at " + at(BlockedEverywhereFixture.class,
                        "lambda$producerAndConsumerOnTheWrongQueues$0", "producer-put") + "\n",
                "  T2 consumer waits for ArrayBlockingQueue#2.take()\n      at " + at(BlockedEverywhereFixture.class,
                        "lambda$producerAndConsumerOnTheWrongQueues$1", "consumer-take") + "\n")
                .doesNotContain("inside the JDK");
    }

    @Test
    void aLatchAndASemaphoreNobodyReleasesAreNamedToo() {
        String report = failureOf(blocked, "latchAndSemaphoreNobodyReleases()").getMessage();

        assertThat(report).contains(
                "  T1 latch-waiter waits for CountDownLatch#1.await()\n      at " + at(BlockedEverywhereFixture.class,
                        "lambda$latchAndSemaphoreNobodyReleases$0", "latch-await") + "\n",
                "  T2 permit-taker waits for Semaphore#1.acquire()\n      at " + at(BlockedEverywhereFixture.class,
                        "lambda$latchAndSemaphoreNobodyReleases$1", "semaphore-acquire") + "\n");
    }

    @Test
    void aConditionAwaitIsNamedAndHoldsNothingWhileItWaits() {
        String report = failureOf(blocked, "conditionNobodySignals()").getMessage();

        assertThat(report).contains("  T1 condition-waiter waits for Condition.awaitUninterruptibly()\n      at " + at(BlockedEverywhereFixture.class,
                "lambda$conditionNobodySignals$0", "condition-await") + "\n\nInterleaving");
    }

    @Test
    void aLeakFailsByDefaultNamingTheThreadAndWhereItWaits() {
        String report = failureOf(blocked, "workerLeftWaitingForARequest()").getMessage();

        assertThat(report).startsWith("racetest found a failure: leak: the test body returned but thread"
                + " T1 request-worker never ended (it waits for ArrayBlockingQueue#1.take() at "
                + at(BlockedEverywhereFixture.class, "lambda$workerLeftWaitingForARequest$0", "worker-take") + ")\n");
    }

    @Test
    void inWarnModeALeakPassesAndIsAReportEntry() {
        EngineExecutionResults results = leakKit().configurationParameter("racetest.leaks", "warn").execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(reportEntries(results)).containsEntry("racetest.executions", "1")
                .containsEntry("racetest.leakWarning", "leak: the test body returned but thread T1 request-worker"
                        + " never ended (it waits for ArrayBlockingQueue#1.take() at "
                        + at(BlockedEverywhereFixture.class, "lambda$workerLeftWaitingForARequest$0", "worker-take")
                        + ") (reported, not failed, because racetest.leaks=warn)");
    }

    @Test
    void whenLeaksAreOffTheyAreNotReported() {
        EngineExecutionResults results = leakKit().configurationParameter("racetest.leaks", "OFF").execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(reportEntries(results)).containsEntry("racetest.executions", "1")
                .doesNotContainKey("racetest.leakWarning");
    }

    @Test
    void aMalformedLeaksValueFailsWithOneSentence() {
        assertThat(onlyFailure(leakKit().configurationParameter("racetest.leaks", "ignore").execute()))
                .isInstanceOf(RaceTestConfigurationException.class)
                .hasMessage("Configuration parameter racetest.leaks has the invalid value 'ignore': expected fail (a"
                        + " thread left behind fails the test), warn (it is reported, the test does not fail) or off"
                        + " (it is not reported); fix the -Dracetest.leaks system property or its line in"
                        + " junit-platform.properties.");
    }

    @Test
    void aSpinOnAFlagNobodySetsNamesTheThreadAndTheLoopAndSaysNothingProgresses() {
        String report = failureOf(blocked, "spinOnAFlagNobodySets()").getMessage();
        int check = line(SpinFixture.class, "spin-check");

        assertThat(report).startsWith("racetest found a failure: livelock: the execution did not finish within 500 steps\n");
        assertThat(report).contains("Spinning:\n  T1 spinner loops in SpinFixture.awaitReady(SpinFixture.java:"
                        + check + "-" + line(SpinFixture.class, "spin-guard") + ") (64 of the last 64 steps)\n",
                "Progress: the program is not progressing: no thread wrote anything in the last 64 steps");
    }

    @Test
    void aLoopThatWritesIsCalledBusyNotStuck() {
        String report = failureOf(blocked, "pollForeverCountingPolls()").getMessage();

        assertThat(report).contains("  T1 poller loops in SpinFixture.pollUntilReady(SpinFixture.java:"
                        + line(SpinFixture.class, "poll-check") + "-" + line(SpinFixture.class, "poll-count") + ")",
                "Progress: the last 64 steps wrote memory (T1 poller (21)): the threads are busy and may be making progress");
    }

    private static EngineTestKit.Builder leakKit() {
        return racetest(reportDir).selectors(selectMethod(BlockedEverywhereFixture.class, "workerLeftWaitingForARequest"));
    }

    /** {@code Fixture.method(Fixture.java:N)} for the line of {@code fixture} marked {@code // @marker}. */
    private static String at(Class<?> fixture, String method, String marker) {
        String simple = fixture.getSimpleName();
        String name = method.startsWith(simple + ".") ? method : simple + "." + method;
        return name + "(" + simple + ".java:" + line(fixture, marker) + ")";
    }

    private static int line(Class<?> fixture, String marker) {
        List<String> lines;
        try {
            lines = Files.readAllLines(FIXTURES.resolve(fixture.getSimpleName() + ".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).stripTrailing().endsWith("// @" + marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line marked // @" + marker + " in " + fixture.getSimpleName());
    }
}
