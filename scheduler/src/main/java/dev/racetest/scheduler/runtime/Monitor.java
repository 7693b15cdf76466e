package dev.racetest.scheduler.runtime;

import java.util.ArrayDeque;

/**
 * The scheduler's model of one object's monitor.
 *
 * <p>Instrumented code never takes a real monitor: the JVM hands a contended monitor back through its
 * own unblocker thread, at a moment the scheduler does not choose, which would make the set of
 * runnable threads depend on OS timing. Modelling ownership here keeps every hand-over a decision of
 * the strategy. Only one controlled thread runs at a time, so no field needs synchronisation.
 */
final class Monitor {

    final Object object;

    /** The owning thread, or {@code null} when free. Invariant: {@code owner == null} iff {@code count == 0}. */
    ControlledThread owner;
    int count;

    /** Site id of the outermost acquisition by the current owner, for deadlock reports. */
    int acquiredAtSite = -1;

    /** What the last release of this monitor published, for race detection; {@code null} before one. */
    dev.racetest.scheduler.runtime.races.VectorClock raceClock;

    /** Threads in {@code wait()} on this monitor that have not been notified, in arrival order. */
    final ArrayDeque<ControlledThread> waitSet = new ArrayDeque<>();

    Monitor(Object object) {
        this.object = object;
    }

    boolean isAvailableTo(ControlledThread thread) {
        return owner == null || owner == thread;
    }

    void acquire(ControlledThread thread, int site) {
        assert isAvailableTo(thread);
        if (owner == null) {
            owner = thread;
            acquiredAtSite = site;
        }
        count++;
    }

    /** Releases one level of ownership; returns whether the monitor is now free. */
    boolean release() {
        if (--count == 0) {
            owner = null;
            acquiredAtSite = -1;
            return true;
        }
        return false;
    }

    /** Releases every level at once, for {@code wait()}; returns the count to restore afterwards. */
    int releaseAll() {
        int held = count;
        count = 0;
        owner = null;
        acquiredAtSite = -1;
        return held;
    }

    void reacquire(ControlledThread thread, int heldCount, int site) {
        assert owner == null;
        owner = thread;
        count = heldCount;
        acquiredAtSite = site;
    }
}
