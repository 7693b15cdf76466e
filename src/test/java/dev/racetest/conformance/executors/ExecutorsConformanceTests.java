package dev.racetest.conformance.executors;

import static dev.racetest.conformance.Conformance.assertPassesEveryExecution;
import static dev.racetest.conformance.Conformance.assertReplayReproduces;
import static dev.racetest.conformance.Conformance.assertReplayReproducesIgnoringIdentityHashes;
import static dev.racetest.conformance.Conformance.failureOf;
import static dev.racetest.conformance.Conformance.sourceLine;
import static dev.racetest.conformance.Conformance.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Executors: {@code newFixedThreadPool} with {@code Future.get}, {@code newCachedThreadPool},
 * {@code newSingleThreadExecutor}, {@code newScheduledThreadPool}, the {@code ThreadPoolExecutor}
 * constructor, {@code shutdown}/{@code awaitTermination} and {@code newVirtualThreadPerTaskExecutor}.
 * Pool threads are racetest's own threads, named as the JDK names them.
 */
@Timeout(180)
class ExecutorsConformanceTests {

    @Test
    void plainCounterInFixedPoolTasksLosesAnUpdate() {
        String report = failureOf(FixedPoolLostUpdateFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: counted 1 of 2 tasks");
        assertThat(report).contains(sourceLine(FixedPoolLostUpdateFixture.class, "assert"));
        assertReplayReproduces(FixedPoolLostUpdateFixture.class, report);
    }

    @Test
    void fixedPoolResultsThroughFuturesPass() {
        assertPassesEveryExecution(FixedPoolFuturesFixture.class);
    }

    @Test
    void poolNeverShutDownLeaksItsWorker() {
        String report = failureOf(PoolNeverShutDownFixture.class);
        assertThat(verdict(report)).startsWith("leak: the test body returned but thread T1 pool-1-thread-1 never ended (it waits for ");
        assertReplayReproduces(PoolNeverShutDownFixture.class, report);
    }

    @Test
    void lazyInitialisationInCachedPoolTasksRunsTwice() {
        String report = failureOf(CachedPoolLazyInitFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: opened 2 connections");
        assertThat(report).contains(sourceLine(CachedPoolLazyInitFixture.class, "assert"));
        assertReplayReproduces(CachedPoolLazyInitFixture.class, report);
    }

    @Test
    void cachedPoolInvokeAllPasses() {
        assertPassesEveryExecution(CachedPoolInvokeAllFixture.class);
    }

    @Test
    void taskWaitingForATaskQueuedBehindItOnOneThreadDeadlocks() {
        String report = failureOf(SingleThreadStarvationFixture.class);
        assertThat(verdict(report)).isEqualTo("deadlock: 2 threads are blocked and none can go on");
        assertThat(report).contains("T0 main waits for ", sourceLine(SingleThreadStarvationFixture.class, "outer-get"),
                "pool-1-thread-1 waits for ", sourceLine(SingleThreadStarvationFixture.class, "inner-get"));
        assertReplayReproduces(SingleThreadStarvationFixture.class, report);
    }

    @Test
    void singleThreadExecutorConfinementPasses() {
        assertPassesEveryExecution(SingleThreadConfinementFixture.class);
    }

    @Test
    void tasksDueTogetherOnAScheduledPoolRace() {
        String report = failureOf(ScheduledSameDelayRaceFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: counted 1 of 2 runs");
        assertThat(report).contains(sourceLine(ScheduledSameDelayRaceFixture.class, "assert"));
        assertReplayReproduces(ScheduledSameDelayRaceFixture.class, report);
    }

    @Test
    void scheduledDelaysRunInOrderOnVirtualTime() {
        assertPassesEveryExecution(ScheduledDelaysFixture.class);
    }

    @Test
    void burstLargerThanTheBoundedQueueIsRejected() {
        String report = failureOf(BoundedQueueRejectsBurstFixture.class);
        assertThat(verdict(report)).startsWith("java.util.concurrent.RejectedExecutionException in thread main: Task ")
                .contains("rejected from java.util.concurrent.ThreadPoolExecutor@");
        // The headline is cut at 200 characters; the exception below it is whole.
        assertThat(report).contains("[Running, pool size = 1, active threads = 1, queued tasks = ",
                sourceLine(BoundedQueueRejectsBurstFixture.class, "execute"));
        assertReplayReproducesIgnoringIdentityHashes(BoundedQueueRejectsBurstFixture.class, report);
    }

    @Test
    void callerRunsPolicyAndAfterExecutePass() {
        assertPassesEveryExecution(CallerRunsPolicyFixture.class);
    }

    @Test
    void readingAfterShutdownWithoutAwaitingIsTooEarly() {
        String report = failureOf(ShutdownIsNotAwaitFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: read 0 after shutdown()");
        assertThat(report).contains(sourceLine(ShutdownIsNotAwaitFixture.class, "assert"));
        assertReplayReproduces(ShutdownIsNotAwaitFixture.class, report);
    }

    @Test
    void shutdownThenAwaitTerminationPasses() {
        assertPassesEveryExecution(ShutdownAndAwaitFixture.class);
    }

    @Test
    void plainCounterInVirtualThreadPerTaskTasksLosesAnUpdate() {
        String report = failureOf(VirtualPerTaskLostUpdateFixture.class);
        assertThat(verdict(report)).isEqualTo("java.lang.AssertionError in thread main: counted 1 of 2 tasks");
        assertThat(report).contains(sourceLine(VirtualPerTaskLostUpdateFixture.class, "assert"));
        assertReplayReproduces(VirtualPerTaskLostUpdateFixture.class, report);
    }

    @Test
    void virtualThreadPerTaskExecutorPasses() {
        assertPassesEveryExecution(VirtualPerTaskFixture.class);
    }
}
