package dev.racetest.scheduler.strategy;

import dev.racetest.scheduler.NoRaces;
import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.scheduler.ExplorationResult;
import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.Explorer;
import dev.racetest.scheduler.StrategyKind;
import dev.racetest.scheduler.TestBody;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * An interrupt orders against every step of the interrupted thread, even one that touches nothing
 * racetest sees: the thread may read its interrupt status inside the JDK ({@code isInterrupted},
 * {@code sleep}). DPOR once proved this program correct in one execution.
 */
class DporInterruptTests {

    private static final int START = site(SyncPointKind.THREAD_START, "Thread.start");
    private static final int INTERRUPT = site(SyncPointKind.THREAD_INTERRUPT, "Thread.interrupt");
    private static final int JOIN = site(SyncPointKind.THREAD_JOIN, "Thread.join");
    private static final int WRITE = site(SyncPointKind.FIELD_WRITE, "Program.done");

    private static int site(SyncPointKind kind, String target) {
        return SyncSites.register(kind, "dev.racetest.scheduler.strategy.Program", "run", "Program.java", 1, target).id();
    }

    /** The worker does its work only if not interrupted yet; the body expects the interrupt to have won. */
    private static TestBody interruptRacesTheWorkersCheck() {
        return () -> {
            boolean[] worked = new boolean[1];
            Thread worker = new Thread(() -> {
                if (!Hooks.isInterrupted(Thread.currentThread())) {
                    Hooks.fieldWrite(null, WRITE);
                    worked[0] = true;
                }
            });
            Hooks.threadCreated(worker);
            Hooks.threadStart(worker, START);
            Hooks.interrupt(worker, INTERRUPT);
            Hooks.threadJoin(worker, JOIN);
            if (worked[0]) {
                throw new AssertionError("the worker checked before the interrupt came");
            }
        };
    }

    @Test
    void dporReversesAnInterruptAndTheFirstStepOfTheThreadItInterrupts() {
        for (StrategyKind kind : new StrategyKind[] {StrategyKind.DFS, StrategyKind.DPOR}) {
            ExplorationResult result = Explorer.explore(NoRaces.settings().withStrategy(kind)
                    .withMaxExecutions(100).withTimeBudget(Duration.ofSeconds(30)), interruptRacesTheWorkersCheck());

            assertThat(result.failure()).as("%s", kind).isPresent();
            assertThat(result.failure().get().outcome().headline()).contains("the worker checked before the interrupt came");
        }
    }
}
