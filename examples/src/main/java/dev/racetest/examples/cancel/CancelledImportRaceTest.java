package dev.racetest.examples.cancel;

import dev.racetest.RaceTest;

/**
 * An import is started, given one row and cancelled. The test asserts nothing itself: racetest fails any
 * test whose body returns while a thread it started can never end.
 */
class CancelledImportRaceTest {

    /** Bug: the worker may be waiting in {@code take()} when the job is cancelled. racetest reports the leaked thread. */
    @RaceTest
    void cancelledImportLeavesNoThreadBehind() {
        cancelAfterOneRow(new ImportJob());
    }

    /** Correct twin: passes every execution. */
    @RaceTest
    void interruptedImportLeavesNoThreadBehind() {
        cancelAfterOneRow(new InterruptingImportJob());
    }

    private static void cancelAfterOneRow(ImportJob job) {
        job.start();
        job.submit("row-1");
        job.cancel();
    }
}
