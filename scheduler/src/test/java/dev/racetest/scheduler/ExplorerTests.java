package dev.racetest.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.LibraryHooks;
import dev.racetest.scheduler.HandInstrumented.Counter;
import dev.racetest.scheduler.report.FailureReport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ExplorerTests {

    private static final ExplorationSettings SETTINGS = ExplorationSettings.defaults()
            .withSeed(42).withMaxExecutions(500).withTimeBudget(Duration.ofSeconds(30));

    /** Without race detection, which would stop the lost update at its first unordered access. */
    private static final ExplorationSettings NO_RACES = SETTINGS.withRaces(RaceDetection.defaults().withMode(RaceMode.OFF));

    @Test
    void findsLostUpdateAndReplaysItInTheFirstExecution() {
        ExplorationResult result = Explorer.explore(NO_RACES, HandInstrumented.twoIncrements(false));

        assertThat(result.stopReason()).isEqualTo(ExplorationResult.StopReason.FAILURE_FOUND);
        Failure failure = result.failure().orElseThrow();
        assertThat(failure.outcome()).isInstanceOfSatisfying(Outcome.ThreadFailed.class, failed -> {
            assertThat(failed.threadName()).isEqualTo("main");
            assertThat(failed.error()).hasMessage("expected 2 increments but counted 1");
        });
        assertThat(failure.replayNote()).isNull();
        // Both writes must come after both reads for an update to be lost.
        assertThat(failure.trace()).extracting(TraceStep::operation)
                .filteredOn(op -> op.contains("Counter.value")).hasSize(4);

        ExplorationResult replayed = Explorer.explore(NO_RACES.withReplay(Schedule.parse(failure.schedule().token())),
                HandInstrumented.twoIncrements(false));
        assertThat(replayed.stopReason()).isEqualTo(ExplorationResult.StopReason.REPLAYED);
        assertThat(replayed.executions()).isEqualTo(1);
        Failure again = replayed.failure().orElseThrow();
        assertThat(again.outcome().headline()).isEqualTo(failure.outcome().headline());
        assertThat(again.trace()).isEqualTo(failure.trace());
    }

    @Test
    void lockedIncrementsPassEveryExecution() {
        ExplorationResult result = Explorer.explore(SETTINGS, HandInstrumented.twoIncrements(true));

        assertThat(result.failure()).isEmpty();
        assertThat(result.executions()).isEqualTo(500);
        assertThat(result.stopReason()).isEqualTo(ExplorationResult.StopReason.EXECUTION_BUDGET);
        // Lock handover points give several distinct schedules, but far fewer than executions.
        assertThat(result.distinctInterleavings()).isBetween(2, 500);
    }

    @Test
    void sameSeedExploresTheSameSchedules() {
        Failure first = Explorer.explore(SETTINGS, HandInstrumented.twoIncrements(false)).failure().orElseThrow();
        Failure second = Explorer.explore(SETTINGS, HandInstrumented.twoIncrements(false)).failure().orElseThrow();

        assertThat(second.executionIndex()).isEqualTo(first.executionIndex());
        assertThat(second.schedule()).isEqualTo(first.schedule());
    }

    @Test
    void reportsLockOrderDeadlockWithWhatEachThreadHoldsAndWaitsFor() {
        ExplorationResult result = Explorer.explore(SETTINGS, HandInstrumented.lockOrder());

        Failure failure = result.failure().orElseThrow();
        assertThat(failure.outcome()).isInstanceOfSatisfying(Outcome.Deadlock.class, deadlock -> {
            assertThat(deadlock.threads()).extracting(BlockedThread::threadName).containsExactly("main", "first", "second");
            BlockedThread first = deadlock.threads().get(1);
            assertThat(first.waitingFor()).startsWith("lock on Object#").contains("held by T2 second");
            assertThat(first.holds()).singleElement().asString().startsWith("lock on Object#").contains("Program.java:20");
            assertThat(deadlock.threads().get(0).waitingFor()).isEqualTo("T1 first to end (in Thread.join)");
        });
        String report = FailureReport.format(failure, result, List.of("REPLAY LINE"));
        assertThat(((Outcome.Deadlock) failure.outcome()).cycle()).containsExactly("T1 first", "T2 second");
        assertThat(report).contains("deadlock: T1 first, T2 second wait for each other's locks",
                        "Threads that cannot go on:", "Interleaving, one column per thread (all ")
                .containsPattern("\\n {3,}step  T0 main +T1 first +T2 second +source\\n")
                .endsWith("REPLAY LINE\n");
        // The two threads of the cycle are marked where they stopped, at the lock each waits for; main,
        // which only waits to join one of them, is not.
        assertThat(report.lines().filter(line -> line.startsWith(">>"))).hasSize(2)
                .allMatch(line -> line.contains("locks Object#"));
    }

    @Test
    void waitAndNotifyHandOffAValue() {
        TestBody handoff = () -> {
            Object lock = new Object();
            Counter box = new Counter();
            Thread producer = HandInstrumented.start(() -> {
                Hooks.monitorEnter(lock, HandInstrumented.LOCK);
                box.value = 7;
                Hooks.objectNotifyAll(lock, HandInstrumented.NOTIFY);
                Hooks.monitorExit(lock, HandInstrumented.UNLOCK);
            }, "producer");
            Hooks.monitorEnter(lock, HandInstrumented.LOCK);
            while (box.value == 0) {
                Hooks.objectWait(lock, HandInstrumented.WAIT);
            }
            Hooks.monitorExit(lock, HandInstrumented.UNLOCK);
            HandInstrumented.join(producer);
            if (box.value != 7) {
                throw new AssertionError("handed over " + box.value);
            }
        };
        assertThat(Explorer.explore(SETTINGS.withMaxExecutions(200), handoff).failure()).isEmpty();
    }

    @Test
    void missedNotifyIsADeadlock() {
        TestBody missed = () -> {
            Object lock = new Object();
            Thread notifier = HandInstrumented.start(() -> {
                Hooks.monitorEnter(lock, HandInstrumented.LOCK);
                Hooks.objectNotifyAll(lock, HandInstrumented.NOTIFY);
                Hooks.monitorExit(lock, HandInstrumented.UNLOCK);
            }, "notifier");
            Hooks.monitorEnter(lock, HandInstrumented.LOCK);
            Hooks.objectWait(lock, HandInstrumented.WAIT); // no condition: waits forever if the notify came first
            Hooks.monitorExit(lock, HandInstrumented.UNLOCK);
            HandInstrumented.join(notifier);
        };
        Failure failure = Explorer.explore(SETTINGS, missed).failure().orElseThrow();
        assertThat(failure.outcome()).isInstanceOfSatisfying(Outcome.Deadlock.class, deadlock -> {
            assertThat(deadlock.threads()).singleElement().extracting(BlockedThread::waitingFor).asString()
                    .contains("a notify on Object#1");
            assertThat(deadlock.cycle()).isEmpty();
            assertThat(deadlock.headline()).isEqualTo("deadlock: 1 thread is blocked and none can go on");
        });
    }

    @Test
    void spinningForeverHitsTheStepBound() {
        TestBody spin = () -> {
            Counter flag = new Counter();
            while (true) {
                Hooks.fieldRead(flag, HandInstrumented.READ);
                if (flag.value != 0) {
                    return;
                }
            }
        };
        Failure failure = Explorer.explore(SETTINGS.withMaxSteps(1_000), spin).failure().orElseThrow();
        assertThat(failure.outcome()).isInstanceOfSatisfying(Outcome.StepLimitExceeded.class, limit -> {
            assertThat(limit.maxSteps()).isEqualTo(1_000);
            assertThat(limit.spinningAt()).singleElement().asString().startsWith("read Counter.value at Program.run(Program.java:10)");
            assertThat(limit.spinning()).containsExactly("T0 main loops in Program.run(Program.java:10) (64 of the last 64 steps)");
            assertThat(limit.progress()).startsWith("the program is not progressing: no thread wrote anything");
        });
    }

    @Test
    void reentrantLocksParkInsideTheJdkAndStillInterleave() {
        TestBody guarded = () -> {
            ReentrantLock lock = new ReentrantLock();
            Counter counter = new Counter();
            Runnable increment = () -> {
                Hooks.yield(HandInstrumented.YIELD);
                LibraryHooks.libraryCall(lock, HandInstrumented.LIBRARY); // as the instrumenter puts before j.u.c. calls
                lock.lock();
                try {
                    HandInstrumented.racyIncrement(counter);
                } finally {
                    LibraryHooks.libraryCall(lock, HandInstrumented.LIBRARY);
                    lock.unlock();
                }
            };
            Thread first = HandInstrumented.start(increment, "first");
            Thread second = HandInstrumented.start(increment, "second");
            HandInstrumented.join(first);
            HandInstrumented.join(second);
            if (counter.value != 2) {
                throw new AssertionError("lost an update under a lock: " + counter.value);
            }
        };
        ExplorationResult result = Explorer.explore(SETTINGS.withMaxExecutions(300), guarded);
        assertThat(result.failure()).isEmpty();
        assertThat(result.executions()).isEqualTo(300);
    }

    @Test
    void reentrantLockOrderDeadlockNamesTheJdkLock() {
        TestBody deadlocking = () -> {
            ReentrantLock a = new ReentrantLock();
            ReentrantLock b = new ReentrantLock();
            Thread first = HandInstrumented.start(() -> both(a, b), "first");
            Thread second = HandInstrumented.start(() -> both(b, a), "second");
            HandInstrumented.join(first);
            HandInstrumented.join(second);
        };
        Failure failure = Explorer.explore(SETTINGS, deadlocking).failure().orElseThrow();
        assertThat(failure.outcome()).isInstanceOfSatisfying(Outcome.Deadlock.class, deadlock ->
                assertThat(deadlock.threads()).filteredOn(t -> t.threadId() > 0)
                        .extracting(BlockedThread::waitingFor).allSatisfy(waiting ->
                                assertThat(waiting).isEqualTo("ReentrantLock (parked inside the JDK)")));
    }

    @Test
    void threadOutsideControlIsReportedInsteadOfAFalseDeadlock() {
        TestBody escaping = () -> {
            Counter counter = new Counter();
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            // Started for real, not through the start hook: the scheduler never sees this thread.
            Thread.ofPlatform().name("escaped-worker").start(() -> {
                HandInstrumented.racyIncrement(counter);
                done.countDown();
            });
            done.await(); // parks main inside the JDK; only the escaped thread can unpark it
        };
        Failure failure = Explorer.explore(SETTINGS.withMaxExecutions(3), escaping).failure().orElseThrow();

        assertThat(failure.outcome()).isInstanceOfSatisfying(Outcome.UncontrolledThread.class, escaped -> {
            assertThat(escaped.threadName()).isEqualTo("escaped-worker");
            assertThat(escaped.location()).isEqualTo("Program.run(Program.java:10)");
            assertThat(escaped.origin()).startsWith("dev.racetest.scheduler.ExplorerTests.lambda$");
        });
        assertThat(failure.executionIndex()).isZero();
    }

    @Test
    void aThreadTheBodyLeftWaitingIsALeakNotAPass() {
        ExplorationResult result = Explorer.explore(SETTINGS.withMaxExecutions(20), () -> {
            Object never = new Object();
            HandInstrumented.start(() -> {
                Hooks.monitorEnter(never, HandInstrumented.LOCK);
                try {
                    Hooks.objectWait(never, HandInstrumented.WAIT);
                } catch (InterruptedException interrupted) {
                    throw new IllegalStateException(interrupted);
                } finally {
                    Hooks.monitorExit(never, HandInstrumented.UNLOCK);
                }
            }, "forgotten-worker");
        });

        Outcome outcome = result.failure().orElseThrow().outcome();
        assertThat(outcome).isInstanceOf(Outcome.LeakedThreads.class);
        assertThat(outcome.headline()).startsWith("leak: the test body returned but thread T1 forgotten-worker never ended");
    }

    private static void both(ReentrantLock outer, ReentrantLock inner) {
        Hooks.yield(HandInstrumented.YIELD);
        outer.lock();
        try {
            Hooks.yield(HandInstrumented.YIELD);
            inner.lock();
            inner.unlock();
        } finally {
            outer.unlock();
        }
    }
}
