package dev.racetest.scheduler.strategy.dpor;

/**
 * A thread in a sleep set: its next step was explored from an earlier state and is independent of
 * everything taken since, so exploring it again here would only repeat traces already covered.
 *
 * <p>The step itself is not stored: it is the operation the thread had at {@code sourceFrame}, which
 * it has not performed since. Reading it from that frame (whose operations are refreshed every time an
 * execution passes through it) keeps object and field numbers consistent with the current execution,
 * even after a checkpoint was restored in another JVM.
 *
 * @param threadId    the sleeping thread
 * @param sourceFrame the index of the frame on the path where the thread was put to sleep
 */
record SleepEntry(int threadId, int sourceFrame) {
}
