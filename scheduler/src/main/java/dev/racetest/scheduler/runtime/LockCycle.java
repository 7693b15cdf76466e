package dev.racetest.scheduler.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a cycle in the wait-for graph of monitors: thread A waits for a lock that B holds, B for one
 * that A holds. Each thread waits for at most one monitor, so following "waits for the owner of"
 * from every thread finds any cycle in linear time.
 */
final class LockCycle {

    private LockCycle() {
    }

    /** Returns the labels of the threads on a lock cycle, in wait-for order, or an empty list. */
    static List<String> find(List<ControlledThread> threads) {
        for (ControlledThread start : threads) {
            List<ControlledThread> path = new ArrayList<>();
            ControlledThread current = start;
            while (current != null && !path.contains(current)) {
                path.add(current);
                current = lockOwnerAwaitedBy(current);
            }
            if (current != null) { // came back to a thread on the path: the cycle starts there
                List<String> cycle = new ArrayList<>();
                for (ControlledThread member : path.subList(path.indexOf(current), path.size())) {
                    cycle.add(member.label());
                }
                return cycle;
            }
        }
        return List.of();
    }

    private static ControlledThread lockOwnerAwaitedBy(ControlledThread thread) {
        if (thread.terminated || thread.pending != Pending.MONITOR_ENTER) {
            return null;
        }
        ControlledThread owner = thread.pendingMonitor.owner;
        return owner == thread ? null : owner;
    }
}
