package dev.racetest.scheduler.runtime.races;

/**
 * A race the detector found, in its own terms: thread numbers and site ids, which the runtime turns
 * into names and locations.
 *
 * @param variable      the location for people, such as {@code Account.balance} or {@code int[] element 3}
 * @param earlierThread the number of the thread that accessed it first
 * @param earlierWrite  whether that access wrote
 * @param earlierSite   its site id
 * @param earlierStack  its raw stack, or {@code null} when stacks were not being captured
 * @param laterWrite    whether the current access writes
 * @param laterSite     the current access's site id
 */
public record Conflict(String variable, int earlierThread, boolean earlierWrite, int earlierSite,
                       StackTraceElement[] earlierStack, boolean laterWrite, int laterSite) {

    /** The same race, with the location named for people. */
    public Conflict named(String name) {
        return new Conflict(name, earlierThread, earlierWrite, earlierSite, earlierStack, laterWrite, laterSite);
    }
}
