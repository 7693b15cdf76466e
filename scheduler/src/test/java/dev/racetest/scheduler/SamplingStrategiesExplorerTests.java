package dev.racetest.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.scheduler.HandInstrumented.Counter;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sampling strategies drive whole explorations: they find the classic bugs, pass correct programs
 * without false alarms, and end executions that spin or wait with a timeout well within the step bound.
 */
@Timeout(120)
class SamplingStrategiesExplorerTests {

    private static final ExplorationSettings SETTINGS = NoRaces.settings()
            .withSeed(42).withMaxExecutions(300).withTimeBudget(Duration.ofSeconds(60));

    @ParameterizedTest
    @EnumSource(names = {"PCT", "POS", "SURW", "PORTFOLIO"})
    void findsTheLostUpdateAndTheLockOrderDeadlock(StrategyKind kind) {
        Failure lostUpdate = Explorer.explore(SETTINGS.withStrategy(kind), HandInstrumented.twoIncrements(false))
                .failure().orElseThrow();
        assertThat(lostUpdate.outcome()).isInstanceOf(Outcome.ThreadFailed.class);
        assertThat(lostUpdate.replayNote()).isNull();

        Failure deadlock = Explorer.explore(SETTINGS.withStrategy(kind), HandInstrumented.lockOrder())
                .failure().orElseThrow();
        assertThat(deadlock.outcome()).isInstanceOf(Outcome.Deadlock.class);
    }

    @ParameterizedTest
    @EnumSource(names = {"PCT", "POS", "SURW", "PORTFOLIO"})
    void passesEveryExecutionOfLockedIncrements(StrategyKind kind) {
        ExplorationResult result = Explorer.explore(SETTINGS.withStrategy(kind), HandInstrumented.twoIncrements(true));

        assertThat(result.failure()).isEmpty();
        assertThat(result.executions()).isEqualTo(300);
        assertThat(result.distinctInterleavings()).isGreaterThan(1);
    }

    /**
     * One thread spins on a flag, with or without {@code onSpinWait}, until another sets it: a strict
     * priority order would starve the setter, so the step bound (2,000, well above the 256-step spin
     * streak) catches a strategy that does not end spins.
     */
    @ParameterizedTest
    @EnumSource(names = {"PCT", "POS", "SURW", "PORTFOLIO"})
    void spinLoopsEndWithinTheStepBound(StrategyKind kind) {
        for (boolean yielding : List.of(true, false)) {
            TestBody spin = () -> {
                Counter flag = new Counter();
                Thread setter = HandInstrumented.start(() -> {
                    Hooks.fieldWrite(flag, HandInstrumented.WRITE);
                    flag.value = 1;
                }, "setter");
                while (true) {
                    Hooks.fieldRead(flag, HandInstrumented.READ);
                    if (flag.value == 1) {
                        break;
                    }
                    if (yielding) {
                        Hooks.onSpinWait(HandInstrumented.YIELD);
                    }
                }
                HandInstrumented.join(setter);
            };
            ExplorationResult result = Explorer.explore(SETTINGS.withStrategy(kind).withMaxSteps(2_000), spin);
            assertThat(result.failure()).as("yielding: %s", yielding).isEmpty();
            assertThat(result.executions()).isEqualTo(300);
        }
    }

    /** A consumer waits with a timeout, in a loop, for a value; its timeouts expire now and then and it waits again. */
    @ParameterizedTest
    @EnumSource(names = {"PCT", "POS", "SURW", "PORTFOLIO"})
    void timedWaitsTimeOutSometimesAndTheHandOffStillCompletes(StrategyKind kind) {
        int[] timeouts = new int[1];
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
                Hooks.objectWait(lock, 100, HandInstrumented.WAIT);
                if (box.value == 0) {
                    timeouts[0]++; // a timeout or a spurious wake-up: no value yet
                }
            }
            Hooks.monitorExit(lock, HandInstrumented.UNLOCK);
            HandInstrumented.join(producer);
            if (box.value != 7) {
                throw new AssertionError("handed over " + box.value);
            }
        };
        ExplorationResult result = Explorer.explore(SETTINGS.withStrategy(kind), handoff);

        assertThat(result.failure()).isEmpty();
        assertThat(result.executions()).isEqualTo(300);
        assertThat(timeouts[0]).as("waits that ended without a value").isBetween(1, 300);
    }
}
