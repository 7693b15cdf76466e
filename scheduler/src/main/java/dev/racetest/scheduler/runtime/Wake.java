package dev.racetest.scheduler.runtime;

/** Why a waiting thread was let go by the scheduler rather than by another thread. */
enum Wake {
    /** Not woken by the scheduler (yet). */
    NONE,
    /** Its timeout expired on the virtual clock. */
    TIMEOUT,
    /** A spurious wake-up, which the JDK allows for {@code wait}, {@code park} and {@code await}. */
    SPURIOUS
}
