package dev.racetest.instrument;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.NANOSECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.racetest.instrument.hooks.BlockingCall;
import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.ParkCalls;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.instrument.hooks.TimeUnitCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@code LockSupport} and {@code TimeUnit} hooks under a {@link ScriptedWaitHandler}, and uncontrolled. */
class ParkAndTimeUnitCallsTests {

    private static final int SITE = SyncSites.register(SyncPointKind.BLOCKING_CALL,
            ParkAndTimeUnitCallsTests.class.getName(), "test", null, -1, "LockSupport.park").id();

    private final Object blocker = new Object();

    @AfterEach
    void unbind() {
        Hooks.unbind();
        Thread.interrupted();
    }

    private static ScriptedWaitHandler controlled(int ending) {
        ScriptedWaitHandler handler = new ScriptedWaitHandler(ending);
        Hooks.bind(handler);
        return handler;
    }

    @Test
    void parksAreUntimedWaitsThatRacetestEndsWithUnpark() {
        ScriptedWaitHandler handler = controlled(BlockingCall.SPURIOUS);

        ParkCalls.park(SITE);
        ParkCalls.park(blocker, SITE);
        ParkCalls.parkNanos(5, SITE);
        ParkCalls.parkNanos(blocker, 6, SITE);
        ParkCalls.parkUntil(blocker, ScriptedWaitHandler.WALL_CLOCK_MILLIS + 7, SITE);

        assertThat(handler.begins()).containsExactly(
                new ScriptedWaitHandler.Begin(null, -1, true, true),
                new ScriptedWaitHandler.Begin(blocker, -1, true, true),
                new ScriptedWaitHandler.Begin(null, 5, true, true),
                new ScriptedWaitHandler.Begin(blocker, 6, true, true),
                new ScriptedWaitHandler.Begin(blocker, 7_000_000, true, true));
        assertThat(handler.ends()).isEqualTo(5);
    }

    @Test
    void anExpiredParkIsOnlyAPreemptionPoint() {
        ScriptedWaitHandler handler = controlled(BlockingCall.COMPLETED);

        ParkCalls.parkNanos(blocker, 0, SITE);
        // Long past on the virtual wall clock, far ahead on the real one.
        ParkCalls.parkUntil(ScriptedWaitHandler.WALL_CLOCK_MILLIS - 1, SITE);

        assertThat(handler.begins()).isEmpty();
        assertThat(handler.libraryCalls()).containsExactly(blocker, null);
    }

    @Test
    void unparkGoesToTheHandler() {
        ScriptedWaitHandler handler = controlled(BlockingCall.COMPLETED);
        Thread thread = Thread.ofVirtual().unstarted(() -> { });

        ParkCalls.unpark(thread, SITE);
        ParkCalls.unpark(null, SITE);

        assertThat(handler.modelled()).containsExactly(new ScriptedWaitHandler.Modelled("threadUnpark", thread, 0));
    }

    @Test
    @Timeout(30)
    void uncontrolledParksAreTheJdks() {
        ParkCalls.unpark(Thread.currentThread(), SITE);
        ParkCalls.park(blocker, SITE); // returns at once: the permit is there
        ParkCalls.parkNanos(1, SITE);
    }

    @Test
    void timeUnitWaitsGoToTheHandlersModels() throws InterruptedException {
        ScriptedWaitHandler handler = controlled(BlockingCall.COMPLETED);
        Thread thread = Thread.ofVirtual().unstarted(() -> { });
        Object monitor = new Object();

        TimeUnitCalls.sleep(MILLISECONDS, 3, SITE);
        TimeUnitCalls.timedJoin(SECONDS, thread, 2, SITE);
        TimeUnitCalls.timedWait(NANOSECONDS, monitor, 9, SITE);

        assertThat(handler.modelled()).containsExactly(
                new ScriptedWaitHandler.Modelled("threadSleep", null, 3_000_000),
                new ScriptedWaitHandler.Modelled("threadJoin", thread, 2_000_000_000L),
                new ScriptedWaitHandler.Modelled("objectWait", monitor, 9));
    }

    @Test
    void timeUnitWaitsThatDoNotWaitDoNothing() throws InterruptedException {
        ScriptedWaitHandler handler = controlled(BlockingCall.COMPLETED);

        TimeUnitCalls.sleep(SECONDS, 0, SITE);
        TimeUnitCalls.timedJoin(SECONDS, Thread.currentThread(), -1, SITE);
        TimeUnitCalls.timedWait(SECONDS, new Object(), 0, SITE); // the JDK does not even check the monitor

        assertThat(handler.modelled()).isEmpty();
        assertThatThrownBy(() -> TimeUnitCalls.sleep(null, 0, SITE)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void uncontrolledTimedWaitUsesTheFallbackMonitors() throws InterruptedException {
        Object monitor = new Object();
        // Rewritten code holds no real monitor, so the JDK's own timedWait would fail here.
        Hooks.monitorEnter(monitor, SITE);
        try {
            TimeUnitCalls.timedWait(NANOSECONDS, monitor, 1, SITE);
        } finally {
            Hooks.monitorExit(monitor, SITE);
        }
        assertThatThrownBy(() -> TimeUnitCalls.timedWait(NANOSECONDS, monitor, 1, SITE))
                .isInstanceOf(IllegalMonitorStateException.class);
    }
}
