package dev.racetest.scheduler.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a cycle in the wait-for graph of locks: thread A waits for a lock that B holds, B for one that A
 * holds. The locks are monitors and the {@code java.util.concurrent.locks} locks whose holders
 * {@link HeldLocks} knows; a thread waiting for a write lock waits for every holder of the read lock, so
 * a thread may wait for several others, and the search is a depth-first walk of the whole graph (linear
 * in threads plus edges). Threads are tried in id order, so the same standstill gives the same cycle.
 */
final class LockCycle {

    private LockCycle() {
    }

    /** Returns the labels of the threads on a lock cycle, in wait-for order, or an empty list. */
    static List<String> find(List<ControlledThread> threads, HeldLocks locks) {
        byte[] state = new byte[threads.size()]; // 0: not seen, 1: on the current path, 2: done, on no cycle
        List<ControlledThread> path = new ArrayList<>();
        for (ControlledThread start : threads) {
            List<ControlledThread> cycle = walk(start, locks, state, path);
            if (cycle != null) {
                List<String> labels = new ArrayList<>();
                for (ControlledThread member : cycle) {
                    labels.add(member.label());
                }
                return labels;
            }
        }
        return List.of();
    }

    private static List<ControlledThread> walk(ControlledThread thread, HeldLocks locks, byte[] state,
                                               List<ControlledThread> path) {
        if (state[thread.id] == 2) {
            return null;
        }
        if (state[thread.id] == 1) { // back on the path: the cycle starts there
            return new ArrayList<>(path.subList(path.indexOf(thread), path.size()));
        }
        state[thread.id] = 1;
        path.add(thread);
        for (ControlledThread next : awaitedBy(thread, locks)) {
            List<ControlledThread> cycle = walk(next, locks, state, path);
            if (cycle != null) {
                return cycle;
            }
        }
        path.removeLast();
        state[thread.id] = 2;
        return null;
    }

    /** The threads that hold what {@code thread} waits to lock; empty when it waits for no lock. */
    static List<ControlledThread> awaitedBy(ControlledThread thread, HeldLocks locks) {
        if (thread.terminated) {
            return List.of();
        }
        if (thread.pending == Pending.MONITOR_ENTER) {
            ControlledThread owner = thread.pendingMonitor.owner;
            return owner == null || owner == thread ? List.of() : List.of(owner);
        }
        HeldLocks.Target awaited = awaitedLock(thread, locks);
        return awaited == null ? List.of() : locks.blockers(thread, awaited);
    }

    /** The j.u.c. lock a thread parked inside the JDK waits to take, or {@code null}. */
    static HeldLocks.Target awaitedLock(ControlledThread thread, HeldLocks locks) {
        if (thread.pending != Pending.IN_JDK || thread.awaitedLock == null) {
            return null;
        }
        return locks.target(thread.awaitedLock, thread.awaitedLockMode);
    }
}
