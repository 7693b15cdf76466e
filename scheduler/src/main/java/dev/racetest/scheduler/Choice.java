package dev.racetest.scheduler;

import dev.racetest.instrument.hooks.SyncSite;

/**
 * What a strategy sees at one decision: the enabled threads, in ascending thread-id order, and the
 * operation each would perform next.
 *
 * <p>The view is valid only during the {@link Strategy#choose} call that receives it (the runtime
 * reuses it, so a decision allocates nothing); copy what must outlive the call.
 */
public interface Choice {

    /** Returns how many threads are enabled; always at least 2, since a decision with one is no choice. */
    int size();

    /** Returns the id of the enabled thread at {@code position}; ids are assigned in creation order, the test body is 0. */
    int threadId(int position);

    /** Returns the site of the operation the thread at {@code position} would perform next, or {@code null} when it resumes from inside the JDK. */
    SyncSite pendingSite(int position);

    /** Returns the id of the thread that ran the previous step, or {@code -1} at the first decision. */
    int previousThreadId();

    /** Returns how many decisions this execution has made before this one. */
    int decisionIndex();
}
