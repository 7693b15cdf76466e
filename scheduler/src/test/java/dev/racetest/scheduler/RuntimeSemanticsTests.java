package dev.racetest.scheduler;

import static dev.racetest.scheduler.HandInstrumented.join;
import static dev.racetest.scheduler.HandInstrumented.locked;
import static dev.racetest.scheduler.HandInstrumented.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The runtime's semantics beyond interleaving: virtual time, timeouts and spurious wake-ups as
 * choices, which waiter a notify wakes, daemon and leaked threads, uncaught-exception handlers,
 * thread states, and values that must repeat with the schedule. Programs call the hooks by hand, as
 * rewritten code would.
 */
@Timeout(60)
class RuntimeSemanticsTests {

    private static final int SLEEP = site(SyncPointKind.THREAD_SLEEP, 60, "Thread.sleep");
    private static final int WAIT = HandInstrumented.WAIT;
    private static final int NOTIFY_ONE = site(SyncPointKind.NOTIFY, 42, "Object.notify");
    private static final int WRITE = HandInstrumented.WRITE;

    private static final ExplorationSettings SETTINGS = ExplorationSettings.defaults()
            .withSeed(7).withMaxExecutions(300).withTimeBudget(Duration.ofSeconds(30));

    private static int site(SyncPointKind kind, int line, String target) {
        return SyncSites.register(kind, "dev.racetest.scheduler.Program", "run", "Program.java", line, target).id();
    }

    @Test
    void anHourOfSleepPassesOnTheVirtualClockOnly() {
        AtomicLong slept = new AtomicLong();
        ExplorationResult result = Explorer.explore(SETTINGS.withMaxExecutions(50), () -> {
            long before = Hooks.boundHandler().nanoTime();
            Thread sleeper = start(() -> sleep(3_600_000), "sleeper");
            sleep(1_800_000);
            join(sleeper);
            slept.set(Hooks.boundHandler().nanoTime() - before);
        });

        assertThat(result.failure()).isEmpty();
        assertThat(result.executions()).isEqualTo(50);
        // The body waited for the longer sleep: an hour of virtual time, plus a microsecond per step.
        assertThat(Duration.ofNanos(slept.get())).isBetween(Duration.ofHours(1), Duration.ofHours(1).plusMillis(1));
    }

    @Test
    void aTimedWaitSometimesTimesOutAndSometimesIsNotified() {
        Set<String> endings = ConcurrentHashMap.newKeySet();
        ExplorationResult result = Explorer.explore(SETTINGS.withSpuriousWakeups(0), () -> {
            Object lock = new Object();
            boolean[] ready = new boolean[1];
            Thread signaller = start(() -> locked(lock, () -> {
                ready[0] = true;
                Hooks.objectNotifyAll(lock, HandInstrumented.NOTIFY);
            }), "signaller");
            locked(lock, () -> {
                if (!ready[0]) {
                    waitOn(lock, 100);
                }
                endings.add(ready[0] ? "signalled" : "timed out");
            });
            join(signaller);
        });

        assertThat(result.failure()).isEmpty();
        assertThat(endings).containsExactlyInAnyOrder("signalled", "timed out");
    }

    @Test
    void anIfAroundWaitIsCaughtByASpuriousWakeUp() {
        ExplorationResult result = Explorer.explore(SETTINGS, () -> {
            Object lock = new Object();
            boolean[] ready = new boolean[1];
            Thread waiter = start(() -> locked(lock, () -> {
                if (!ready[0]) { // should be while
                    waitOn(lock, 0);
                }
                if (!ready[0]) {
                    throw new IllegalStateException("woke up before the value was ready");
                }
            }), "waiter");
            locked(lock, () -> {
                ready[0] = true;
                Hooks.objectNotifyAll(lock, HandInstrumented.NOTIFY);
            });
            join(waiter);
        });

        Failure failure = result.failure().orElseThrow();
        assertThat(failure.outcome().headline()).isEqualTo(
                "java.lang.IllegalStateException in thread waiter: woke up before the value was ready");
        assertThat(failure.trace()).extracting(TraceStep::operation).anyMatch(op -> op.startsWith("wakes (spuriously)"));
        assertThat(Explorer.explore(SETTINGS.withSpuriousWakeups(0), HandInstrumented.twoIncrements(true)).failure()).isEmpty();
    }

    @Test
    void notifyWakesEitherWaiterAsTheStrategyChooses() {
        Set<String> firstWoken = ConcurrentHashMap.newKeySet();
        ExplorationResult result = Explorer.explore(SETTINGS.withSpuriousWakeups(0), () -> {
            Object lock = new Object();
            List<String> woken = new ArrayList<>();
            int[] waiting = new int[1];
            Runnable waiter = () -> locked(lock, () -> {
                waiting[0]++;
                waitOn(lock, 0);
                woken.add(Thread.currentThread().getName());
            });
            Thread a = start(waiter, "a");
            Thread b = start(waiter, "b");
            boolean[] notified = new boolean[1];
            while (!notified[0]) {
                locked(lock, () -> {
                    if (waiting[0] == 2) {
                        Hooks.objectNotify(lock, NOTIFY_ONE);
                        Hooks.objectNotify(lock, NOTIFY_ONE);
                        notified[0] = true;
                    }
                });
            }
            join(a);
            join(b);
            firstWoken.add(woken.getFirst());
        });

        assertThat(result.failure()).isEmpty();
        assertThat(firstWoken).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aThreadLeftWaitingAfterTheBodyReturnsIsALeak() {
        ExplorationResult result = Explorer.explore(SETTINGS, () -> {
            Object never = new Object();
            start(() -> locked(never, () -> waitOn(never, 0)), "forgotten-worker");
        });

        Outcome outcome = result.failure().orElseThrow().outcome();
        assertThat(outcome).isInstanceOf(Outcome.LeakedThreads.class);
        assertThat(outcome.headline()).isEqualTo("leak: the test body returned but thread T1 forgotten-worker never ended"
                + " (it waits for a notify on Object#1 (in Object.wait) at Program.run(Program.java:40))");
    }

    @Test
    void daemonThreadsAreNotWaitedFor() {
        ExplorationResult result = Explorer.explore(SETTINGS.withMaxExecutions(20), () -> {
            Object never = new Object();
            Thread daemon = new Thread(() -> locked(never, () -> waitOn(never, 0)), "housekeeper");
            Hooks.threadCreated(daemon);
            daemon.setDaemon(true);
            Hooks.threadStart(daemon, HandInstrumented.START);
        });

        assertThat(result.failure()).isEmpty();
        assertThat(result.executions()).isEqualTo(20);
    }

    @Test
    void anUncaughtExceptionGoesToTheThreadsHandler() {
        AtomicReference<String> handled = new AtomicReference<>();
        ExplorationResult result = Explorer.explore(SETTINGS.withMaxExecutions(5), () -> {
            Thread worker = new Thread(() -> {
                throw new IllegalStateException("worker failed");
            }, "worker");
            worker.setUncaughtExceptionHandler((thread, error) -> handled.set(thread.getName() + ": " + error.getMessage()));
            Hooks.threadStart(worker, HandInstrumented.START);
            join(worker);
        });

        assertThat(result.failure()).isEmpty();
        assertThat(handled).hasValue("worker: worker failed");
    }

    @Test
    void threadStatesComeFromTheModel() {
        List<Thread.State> states = new ArrayList<>();
        ExplorationResult result = Explorer.explore(SETTINGS.withMaxExecutions(1), () -> {
            Thread sleeper = new Thread(() -> sleep(1_000), "sleeper");
            states.add(Hooks.boundHandler().threadState(sleeper));
            Hooks.threadStart(sleeper, HandInstrumented.START);
            while (Hooks.boundHandler().threadState(sleeper) != Thread.State.TIMED_WAITING) {
                Hooks.yield(HandInstrumented.YIELD);
            }
            states.add(Thread.State.TIMED_WAITING);
            join(sleeper);
            states.add(Hooks.boundHandler().threadState(sleeper));
        });

        assertThat(result.failure()).isEmpty();
        assertThat(states).containsExactly(Thread.State.NEW, Thread.State.TIMED_WAITING, Thread.State.TERMINATED);
    }

    @Test
    void hashCodesSeedsIdsAndDefaultNamesRepeatWithTheSchedule() {
        List<String> first = valuesOfOneExecution(11);
        assertThat(valuesOfOneExecution(11)).isEqualTo(first);
        assertThat(valuesOfOneExecution(12)).isNotEqualTo(first);
        assertThat(first.get(3)).isEqualTo("Thread-0");
    }

    private static List<String> valuesOfOneExecution(long seed) {
        List<String> values = new ArrayList<>();
        Explorer.explore(SETTINGS.withSeed(seed).withMaxExecutions(1), () -> {
            var handler = Hooks.boundHandler();
            values.add(String.valueOf(handler.identityHashCode(new Object())));
            values.add(String.valueOf(handler.nextRandomSeed()));
            Thread unnamed = new Thread(() -> { });
            Hooks.threadCreated(unnamed);
            values.add(String.valueOf(handler.threadId(unnamed)));
            Hooks.threadStart(unnamed, HandInstrumented.START);
            values.add(unnamed.getName());
            join(unnamed);
        });
        return values;
    }

    @Test
    void theDeterminismCheckNamesTheFirstStepThatDiffers() {
        AtomicInteger runs = new AtomicInteger();
        ExplorationResult result = Explorer.explore(SETTINGS.withDeterminismCheck(true), () -> {
            HandInstrumented.Counter counter = new HandInstrumented.Counter();
            if (runs.incrementAndGet() % 2 == 0) { // outside racetest's control: differs between the two runs
                Hooks.fieldWrite(counter, WRITE);
            }
            Hooks.yield(HandInstrumented.YIELD);
        });

        Outcome outcome = result.failure().orElseThrow().outcome();
        assertThat(outcome).isInstanceOf(Outcome.Nondeterministic.class);
        assertThat(outcome.headline()).startsWith("nondeterminism: the same schedule ran differently at step 2");
    }

    private static void sleep(long millis) {
        try {
            Hooks.sleep(millis, SLEEP);
        } catch (InterruptedException interrupted) {
            throw new IllegalStateException(interrupted);
        }
    }

    private static void waitOn(Object lock, long millis) {
        try {
            Hooks.objectWait(lock, millis, WAIT);
        } catch (InterruptedException interrupted) {
            throw new IllegalStateException(interrupted);
        }
    }
}
