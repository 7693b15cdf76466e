package dev.racetest.scheduler.runtime;

import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.scheduler.BlockedThread;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Says, for a thread that cannot go on, what it waits for, where, and which locks it holds (monitors and
 * {@code java.util.concurrent.locks} locks), each with where it took it.
 *
 * <p>A thread parked inside the JDK is described by the call the user's code made: the lock it was
 * taking and who holds it, else the library call it last entered ({@code ArrayBlockingQueue#1.take()}),
 * else, when racetest saw no such call, by what the JDK says it is parked on.
 */
final class DeadlockDescriber {

    private DeadlockDescriber() {
    }

    static BlockedThread describe(ControlledThread thread, Collection<Monitor> monitors, HeldLocks locks,
                                  ObjectLabels labels) {
        List<String> holds = new ArrayList<>();
        for (Monitor monitor : monitors) {
            if (monitor.owner == thread) {
                String where = monitor.acquiredAtSite >= 0 ? " (locked at " + SyncSites.get(monitor.acquiredAtSite).location() + ")" : "";
                holds.add("lock on " + labels.label(monitor.object) + where);
            }
        }
        for (HeldLocks.Hold hold : locks.heldBy(thread)) {
            holds.add(HeldLocks.describe(hold, labels));
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
            case IN_JDK -> inJdk(thread, locks, labels);
            default -> "its turn (" + thread.pending.name().toLowerCase() + ")";
        };
        boolean inSubstitute = thread.pendingSite >= 0
                && UserFrames.isSubstitute(SyncSites.get(thread.pendingSite).className());
        if (thread.pending == Pending.IN_JDK || inSubstitute) {
            // Where the user's code called into the JDK, or into the substitute the thread waits in.
            StackTraceElement[] stack = thread.vthread.getStackTrace();
            StackTraceElement entry = inSubstitute && thread.pending == Pending.WAIT ? UserFrames.substituteEntry(stack) : null;
            if (entry != null) {
                // A wait modelled inside a substitute: name the call the user made, not racetest's monitor.
                waitingFor = substitutedCall(entry);
            }
            StackTraceElement caller = UserFrames.innermostCaller(stack);
            waitingAt = caller != null ? UserFrames.location(caller)
                    : thread.pending == Pending.IN_JDK ? null : waitingAt;
        }
        return new BlockedThread(thread.id, thread.name, waitingFor, waitingAt, holds);
    }

    private static String inJdk(ControlledThread thread, HeldLocks locks, ObjectLabels labels) {
        HeldLocks.Target lock = LockCycle.awaitedLock(thread, locks);
        if (lock != null) {
            List<ControlledThread> holders = locks.blockers(thread, lock);
            List<String> names = new ArrayList<>();
            for (ControlledThread holder : holders) {
                names.add(holder.terminated ? holder.label() + ", which has ended" : holder.label());
            }
            return HeldLocks.describe(lock, labels) + (names.isEmpty()
                    ? " (its holder took it where racetest does not see)"
                    : " (held by " + String.join(", ", names) + ")");
        }
        if (thread.lastCallSite >= 0) {
            return call(thread.lastCallTarget, SyncSites.get(thread.lastCallSite), labels);
        }
        Object blocker = LockSupport.getBlocker(thread.vthread);
        return blocker == null
                ? "something inside the JDK (" + thread.vthread.getState() + ")"
                : describeBlocker(blocker) + " (parked inside the JDK)";
    }

    /**
     * Names a call as the user wrote it, such as {@code ArrayBlockingQueue#1.take()}: the receiver's label
     * and the method; a static call, or a receiver racetest substituted (a {@code Condition}), by the type
     * the user's code named.
     */
    static String call(Object receiver, SyncSite site, ObjectLabels labels) {
        String target = site.target(); // such as "BlockingQueue.take"
        int dot = target.lastIndexOf('.');
        String method = dot < 0 ? target : target.substring(dot + 1);
        boolean named = receiver != null && !UserFrames.isSubstitute(receiver.getClass().getName());
        return (named ? labels.label(receiver) + "." + method : target) + "()";
    }

    /** {@code ControlledCondition.await} as the user wrote it: {@code Condition.await()}. */
    private static String substitutedCall(StackTraceElement entry) {
        String className = entry.getClassName();
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String type = simple.startsWith("Controlled") && simple.length() > "Controlled".length()
                ? simple.substring("Controlled".length()) : simple;
        return type + "." + entry.getMethodName() + "()";
    }

    private static String describeBlocker(Object blocker) {
        // AQS-based synchronizers park with their internal Sync object as blocker; its enclosing class is the one users know.
        Class<?> type = blocker.getClass();
        Class<?> enclosing = type.getEnclosingClass();
        String name = (enclosing != null ? enclosing : type).getSimpleName();
        return name.isEmpty() ? type.getName() : name;
    }
}
