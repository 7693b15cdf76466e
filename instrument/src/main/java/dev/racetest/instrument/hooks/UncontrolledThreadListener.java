package dev.racetest.instrument.hooks;

/**
 * Told when a thread the scheduler does not control reaches a synchronisation point of rewritten
 * code: a thread that escaped control (one a JDK thread pool created, say), whose interleavings the
 * scheduler can neither choose nor see.
 *
 * <p>Called on that thread, possibly from many threads at once; implementations must be thread-safe
 * and cheap, since an escaped thread calls it at every sync point.
 */
@FunctionalInterface
public interface UncontrolledThreadListener {

    /** Notes that {@code thread}, which has no handler bound, is at the sync point {@code site}. */
    void uncontrolledSyncPoint(Thread thread, int site);
}
