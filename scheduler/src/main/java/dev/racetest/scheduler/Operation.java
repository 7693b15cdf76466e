package dev.racetest.scheduler;

/**
 * What one step of a thread does to shared state, as far as racetest can see it: the operation a
 * thread is about to perform at a decision, as {@link Choice#operation} reports it.
 *
 * <p>A step is the thread's pending operation plus the code it then runs up to its next scheduling
 * point. Code racetest does not instrument (JDK internals) runs inside a step, unseen; so two steps
 * count as independent only when what racetest can see of them says so, and everything it cannot
 * classify is {@link Access#UNKNOWN}, dependent on every other step that touches anything.
 *
 * @param threadId   the thread that performs it
 * @param access     how it touches {@code location}
 * @param location   what it touches: an object numbered in order of first mention in the execution
 *                   (so the same schedule gives the same numbers) in the high 32 bits, and in the low 32
 *                   bits a field number, an array index, {@link #WHOLE_OBJECT} or {@link #MONITOR};
 *                   0 when {@code access} has no location
 * @param joinedThread for {@link Access#JOIN}: the thread whose end this step waits for; for
 *                     {@link Access#INTERRUPT}: the thread interrupted; otherwise -1
 */
public record Operation(int threadId, Access access, long location, int joinedThread) {

    /** Low half of a location that stands for all of an object's state (an atomic, a j.u.c. object). */
    public static final int WHOLE_OBJECT = -1;
    /** Low half of a location that stands for an object's monitor (synchronized, wait, notify). */
    public static final int MONITOR = -2;
    /** The object number shared by every call into the JDK's concurrency library whose state racetest cannot tell apart. */
    public static final int JDK_STATE = 1;

    /** How a step touches its location. */
    public enum Access {
        /** Touches nothing shared that racetest sees: a yield, the first step of a thread, a thread start. */
        NONE,
        /** Reads the location. */
        READ,
        /** Writes (or reads and writes) the location. */
        WRITE,
        /** Takes, waits on or notifies the monitor at the location. */
        SYNC,
        /** Waits for thread {@link #joinedThread()} to end: ordered after that thread's last step, conflicting with none. */
        JOIN,
        /**
         * Interrupts thread {@link #joinedThread()}: conflicts with every step of that thread (any of them
         * may read its interrupt status, inside the JDK where racetest does not see it) and with
         * {@link #UNKNOWN} steps.
         */
        INTERRUPT,
        /** Cannot be classified (resumes inside the JDK, a timeout expiring): conflicts with every step but {@link #NONE} and {@link #JOIN}. */
        UNKNOWN
    }

    /** Returns the object number, the high half of {@link #location()}. */
    public int object() {
        return (int) (location >>> 32);
    }

    /** Returns the field number, array index, {@link #WHOLE_OBJECT} or {@link #MONITOR}: the low half of {@link #location()}. */
    public int facet() {
        return (int) location;
    }

    /**
     * Returns whether this step and {@code other}, performed by different threads, could give a
     * different result in the other order: they touch the same location and at least one writes it,
     * or they use the same monitor, or one interrupts the other's thread, or either is
     * {@link Access#UNKNOWN}. Steps of the same thread are always ordered, whatever this says.
     */
    public boolean conflictsWith(Operation other) {
        Access a = access;
        Access b = other.access;
        if (a == Access.INTERRUPT || b == Access.INTERRUPT) {
            return (a == Access.INTERRUPT && other.threadId == joinedThread)
                    || (b == Access.INTERRUPT && threadId == other.joinedThread)
                    || a == Access.UNKNOWN || b == Access.UNKNOWN;
        }
        if (a == Access.NONE || b == Access.NONE || a == Access.JOIN || b == Access.JOIN) {
            return false;
        }
        if (a == Access.UNKNOWN || b == Access.UNKNOWN) {
            return true;
        }
        if (object() != other.object()) {
            return false;
        }
        if (a == Access.SYNC || b == Access.SYNC) {
            return a == b && facet() == other.facet();
        }
        boolean sameCell = facet() == other.facet() || facet() == WHOLE_OBJECT || other.facet() == WHOLE_OBJECT;
        return sameCell && (a == Access.WRITE || b == Access.WRITE);
    }
}
