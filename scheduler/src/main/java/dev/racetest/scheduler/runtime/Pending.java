package dev.racetest.scheduler.runtime;

/** What a controlled thread will do when it is next allowed to run. */
enum Pending {
    /** Not yet run its first instruction. */
    START,
    /** An instrumented operation that is always enabled: a memory access, an atomic call, a yield. */
    STEP,
    /** Taking a monitor: enabled while the monitor is free or already its own. */
    MONITOR_ENTER,
    /** Returning from {@code wait()}: enabled once notified (or timed, or interrupted) and the monitor is free. */
    WAIT,
    /** Returning from {@code join()}: enabled once the target ended (or timed, or interrupted). */
    JOIN,
    /** Returning from {@code sleep()}: always enabled; sleeping takes no real time. */
    SLEEP,
    /** Continuing inside the JDK after a park there ended: always enabled. */
    RESUME,
    /** Parked inside the JDK (a j.u.c. lock, a queue): not enabled until something unparks it. */
    IN_JDK,
    /** Running, or ended. */
    NONE
}
