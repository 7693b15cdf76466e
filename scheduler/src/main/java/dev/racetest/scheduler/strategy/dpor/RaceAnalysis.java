package dev.racetest.scheduler.strategy.dpor;

import dev.racetest.scheduler.Operation;
import dev.racetest.scheduler.Operation.Access;

import java.util.BitSet;
import java.util.List;

/**
 * Happens-before and races of one finished execution, and the reversals source-DPOR needs for them
 * (Abdulla, Aronis, Jonsson, Sagonas: "Optimal dynamic partial order reduction", POPL 2014, Algorithm 1).
 *
 * <p>Happens-before is program order, plus an edge from the step after which a thread became a
 * candidate (its creation, the release of a monitor it waited for, the end of a thread it joins) to its
 * next step, plus {@link Access#JOIN} after the joined thread's last step, plus every pair of
 * conflicting steps in execution order ({@link Operation#conflictsWith}).
 *
 * <p>A race {@code e ⋖ e'} is a pair of conflicting steps of different threads, {@code e} first, not
 * ordered through other events. Races are looked for as in Flanagan and Godefroid (POPL 2005) with
 * respect to the thread's own past only, not the step that enabled it, and a step taken while
 * {@code e'}'s thread waited to perform {@code e'} (it was pending but not a candidate) is not
 * co-enabled with it and is skipped: so a thread blocked on a monitor races with the step that took
 * the monitor, not with the one that gave it back, and the reversal lands where it can be done.
 */
final class RaceAnalysis {

    /** Receives the reversals: at {@code frame}, one of {@code initials} must be explored. */
    interface Reversals {
        void reverse(int frame, BitSet initials);
    }

    private RaceAnalysis() {
    }

    /**
     * Fills every event's vector clocks: {@link Event#clock} with every edge above, and
     * {@link Event#traceClock} without the enabling edges other than thread creation. The latter is the
     * happens-before of the Mazurkiewicz trace (program order, creation, join, conflicts), the same in
     * every execution of one trace; the former also says which steps had to wait for which in this
     * execution, which the race analysis needs where threads block.
     */
    static void computeClocks(List<Event> events, int threadCount) {
        fill(events, threadCount, true);
        fill(events, threadCount, false);
    }

    private static void fill(List<Event> events, int threadCount, boolean enabling) {
        int[] lastOfThread = new int[threadCount];
        java.util.Arrays.fill(lastOfThread, -1);
        for (int k = 0; k < events.size(); k++) {
            Event event = events.get(k);
            int[] clock = Clocks.copyOf(event.previousOfThread >= 0
                    ? clockOf(events.get(event.previousOfThread), enabling) : null, threadCount);
            if (event.enabler >= 0 && (enabling || event.previousOfThread < 0)) {
                Clocks.join(clock, clockOf(events.get(event.enabler), enabling));
            }
            Operation operation = event.operation;
            if (operation.access() == Access.JOIN && operation.joinedThread() >= 0
                    && operation.joinedThread() < threadCount && lastOfThread[operation.joinedThread()] >= 0) {
                Clocks.join(clock, clockOf(events.get(lastOfThread[operation.joinedThread()]), enabling));
            }
            if (touchesShared(operation)) {
                for (int j = k - 1; j >= 0; j--) {
                    Event earlier = events.get(j);
                    if (earlier.thread != event.thread && !earlier.isIn(clock)
                            && earlier.operation.conflictsWith(operation)) {
                        Clocks.join(clock, clockOf(earlier, enabling));
                    }
                }
            }
            clock[event.thread] = event.local + 1;
            if (enabling) {
                event.clock = clock;
            } else {
                event.traceClock = clock;
            }
            lastOfThread[event.thread] = k;
        }
    }

    private static int[] clockOf(Event event, boolean enabling) {
        return enabling ? event.clock : event.traceClock;
    }

    /**
     * Finds every race of the execution and hands each reversal to {@code reversals}; clocks must be
     * computed. {@code pending} are steps threads were about to take when the execution ended (blocked
     * for good, or the execution abandoned), which race like taken ones: a deadlock is only left by
     * letting a blocked thread's step go before the step that blocked it.
     */
    static void findRaces(List<Event> events, List<Frame> frames, int threadCount, List<Event> pending,
                          Reversals reversals) {
        for (int k = 0; k < events.size(); k++) {
            racesOf(events, k, events.get(k), frames, threadCount, reversals);
        }
        for (Event step : pending) {
            step.clock = pendingClock(events, step, threadCount);
            racesOf(events, events.size(), step, frames, threadCount, reversals);
        }
    }

    private static int[] pendingClock(List<Event> events, Event step, int threadCount) {
        int[] clock = Clocks.copyOf(step.previousOfThread >= 0 ? events.get(step.previousOfThread).clock : null,
                threadCount);
        for (int j = events.size() - 1; j >= 0; j--) {
            Event earlier = events.get(j);
            if (earlier.thread != step.thread && !earlier.isIn(clock) && earlier.operation.conflictsWith(step.operation)) {
                Clocks.join(clock, earlier.clock);
            }
        }
        clock[step.thread] = step.local + 1;
        return clock;
    }

    /** The races of {@code later}, which comes right after the first {@code end} events. */
    private static void racesOf(List<Event> events, int end, Event later, List<Frame> frames, int threadCount,
                                Reversals reversals) {
        if (!touchesShared(later.operation)) {
            return;
        }
        int[] past = Clocks.copyOf(later.previousOfThread >= 0 ? events.get(later.previousOfThread).clock : null,
                threadCount);
        for (int j = end - 1; j >= 0; j--) {
            Event earlier = events.get(j);
            if (earlier.thread == later.thread || earlier.isIn(past)
                    || !earlier.operation.conflictsWith(later.operation)) {
                continue;
            }
            boolean waitingThen = later.previousOfThread < j;
            if (waitingThen && !frames.get(earlier.frame).hasCandidate(later.thread)) {
                continue; // not co-enabled: the later thread was blocked on this very step then
            }
            int holderTaking = holderTakingIfHeldAcross(events, j, end, later);
            if (holderTaking < 0) {
                reversals.reverse(earlier.frame, initials(events, j, end, later));
                Clocks.join(past, earlier.clock);
            } else {
                joinUpTo(past, earlier.clock, earlier.thread, events.get(holderTaking).local);
            }
        }
    }

    /**
     * Joins {@code clock} into {@code past}, but of {@code holder}'s events only those before its
     * {@code holderLocal}-th: its taking of the monitor and its steps inside the critical section stay
     * in view, so the race with that taking is still found. Everything else {@code clock} holds happened
     * before {@code e'} through the critical section, which {@code e'} waited for; the other threads'
     * steps in it are ordered before {@code e'} by the holder's release, not in a race with it.
     */
    private static void joinUpTo(int[] past, int[] clock, int holder, int holderLocal) {
        int before = past[holder];
        Clocks.join(past, clock);
        past[holder] = Math.max(before, Math.min(past[holder], holderLocal));
    }

    /**
     * Returns, when the reversal cannot be done where it would go, the index of the event at which
     * {@code e}'s thread took the monitor it holds across {@code e} (the earliest, if several); else -1.
     * That is when {@code e'} needs a monitor taken first (by its own thread, or by {@code e'} itself)
     * that {@code e}'s thread provably holds when {@code e} starts. The race is then reversed where the
     * holder took the monitor, as the race between the two takings: the caller must keep that taking in
     * view, though {@code e} (a {@code notify}, say, which conflicts with {@code e'} too) happens after
     * it. racetest does not see a monitor's release (it happens inside the step before), so ownership is
     * proven by what only an owner can do afterwards with no taking in between: a {@code notify}, or
     * calling {@code wait} (seen as the return from it).
     */
    private static int holderTakingIfHeldAcross(List<Event> events, int first, int end, Event later) {
        Event e = events.get(first);
        int earliest = -1;
        for (int i = first + 1; i <= end; i++) {
            Event taking = i == end ? later : events.get(i);
            if (!taking.acquires() || taking.thread == e.thread) {
                continue;
            }
            boolean needed = i == end || !e.isIn(taking.clock) && taking.isIn(later.clock);
            long monitor = taking.operation.location();
            if (needed && holdsWhenStarting(events, first, monitor)) {
                int took = lastTakingBefore(events, first, monitor);
                if (took < 0) {
                    return first; // taken before anything racetest saw: nothing earlier to keep in view
                }
                earliest = earliest < 0 ? took : Math.min(earliest, took);
            }
        }
        return earliest;
    }

    /** The last event of {@code events[first]}'s thread before it that took {@code monitor}, or -1. */
    private static int lastTakingBefore(List<Event> events, int first, long monitor) {
        int owner = events.get(first).thread;
        for (int i = first - 1; i >= 0; i--) {
            Event event = events.get(i);
            if (event.thread == owner && event.acquires() && event.operation.location() == monitor) {
                return i;
            }
        }
        return -1;
    }

    private static boolean holdsWhenStarting(List<Event> events, int first, long monitor) {
        int owner = events.get(first).thread;
        for (int i = first; i < events.size(); i++) {
            Event event = events.get(i);
            if (event.thread != owner || event.operation.access() != Access.SYNC || event.operation.location() != monitor) {
                continue;
            }
            if (event.role == Event.NOTIFY) {
                return true;
            }
            if (event.acquires()) {
                // A return from wait after e: the wait was called inside one of the owner's steps from e on.
                return event.role == Event.WAIT_RETURN && i != first;
            }
        }
        return false;
    }

    /**
     * Returns the threads that can start {@code notdep(e, E).e'}: the events after {@code e} that do not
     * happen after it, then {@code e'}; an event is initial when no earlier one of that sequence happens
     * before it.
     */
    private static BitSet initials(List<Event> events, int first, int end, Event later) {
        Event e = events.get(first);
        BitSet initials = new BitSet();
        Event[] sequence = new Event[end - first];
        int length = 0;
        for (int i = first + 1; i <= end; i++) {
            Event candidate = i == end ? later : events.get(i);
            if (i < end && e.isIn(candidate.clock)) {
                continue;
            }
            boolean initial = true;
            for (int s = 0; s < length && initial; s++) {
                if (sequence[s].isIn(candidate.clock)) {
                    initial = false;
                }
            }
            if (initial) {
                initials.set(candidate.thread);
            }
            sequence[length++] = candidate;
        }
        return initials;
    }

    /**
     * Whether a step may conflict with another: every kind can, since even a step that touches nothing
     * shared conflicts with an interrupt of its own thread ({@link Access#INTERRUPT}); kept as the one
     * place to narrow this should a kind ever conflict with nothing at all.
     */
    private static boolean touchesShared(Operation operation) {
        return true;
    }
}
