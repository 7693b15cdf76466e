package dev.racetest.scheduler.runtime;

import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.scheduler.BlockedThread;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** Says, for a thread that cannot go on, what it waits for, where, and which monitors it holds. */
final class DeadlockDescriber {

    private DeadlockDescriber() {
    }

    static BlockedThread describe(ControlledThread thread, Collection<Monitor> monitors, ObjectLabels labels) {
        List<String> holds = new ArrayList<>();
        for (Monitor monitor : monitors) {
            if (monitor.owner == thread) {
                String where = monitor.acquiredAtSite >= 0 ? " (locked at " + SyncSites.get(monitor.acquiredAtSite).location() + ")" : "";
                holds.add("lock on " + labels.label(monitor.object) + where);
            }
        }
        String waitingAt = thread.pendingSite >= 0 ? SyncSites.get(thread.pendingSite).location() : null;
        String waitingFor = switch (thread.pending) {
            case MONITOR_ENTER -> {
                ControlledThread owner = thread.pendingMonitor.owner;
                yield "lock on " + labels.label(thread.pendingTarget)
                        + (owner == null ? "" : " (held by " + owner.label() + ")");
            }
            case WAIT -> "a notify on " + labels.label(thread.pendingTarget) + " (in Object.wait)";
            case JOIN -> thread.joinTarget.label() + " to end (in Thread.join)";
            case IN_JDK -> inJdk(thread);
            default -> "its turn (" + thread.pending.name().toLowerCase() + ")";
        };
        boolean inSubstitute = thread.pendingSite >= 0
                && UserFrames.isSubstitute(SyncSites.get(thread.pendingSite).className());
        if (thread.pending == Pending.IN_JDK || inSubstitute) {
            // Where the user's code called into the JDK, or into the substitute the thread waits in.
            StackTraceElement caller = UserFrames.innermostCaller(thread.vthread.getStackTrace());
            waitingAt = caller != null ? UserFrames.location(caller)
                    : thread.pending == Pending.IN_JDK ? null : waitingAt;
        }
        return new BlockedThread(thread.id, thread.name, waitingFor, waitingAt, holds);
    }

    private static String inJdk(ControlledThread thread) {
        Object blocker = LockSupport.getBlocker(thread.vthread);
        return blocker == null
                ? "something inside the JDK (" + thread.vthread.getState() + ")"
                : describeBlocker(blocker) + " (parked inside the JDK)";
    }

    private static String describeBlocker(Object blocker) {
        // AQS-based synchronizers park with their internal Sync object as blocker; its enclosing class is the one users know.
        Class<?> type = blocker.getClass();
        Class<?> enclosing = type.getEnclosingClass();
        String name = (enclosing != null ? enclosing : type).getSimpleName();
        return name.isEmpty() ? type.getName() : name;
    }
}
