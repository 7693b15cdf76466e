package dev.racetest.scheduler.runtime;

import dev.racetest.instrument.hooks.Hooks;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Where the JDK hands back the continuations of an execution's virtual threads.
 *
 * <p>Almost every hand-back happens on the carrier itself: a thread yielding at a scheduling point,
 * starting another, or unparking one parked in a j.u.c. lock. Those are taken at once, so the set of
 * runnable threads is a function of the schedule. The rest come from JDK threads (a real timer
 * firing, the unblocker releasing a monitor taken inside JDK code); they queue here and are taken only
 * when the loop drains them, between two slices.
 */
final class Handoff {

    private record Submission(ControlledThread thread, Runnable task) {
    }

    private final Execution execution;
    private final ConcurrentLinkedQueue<Submission> foreign = new ConcurrentLinkedQueue<>();
    private Thread carrier;
    /** Set once the execution is over: continuations that still arrive belong to nobody. */
    private boolean closed;

    Handoff(Execution execution) {
        this.execution = execution;
    }

    void openOn(Thread carrierThread) {
        carrier = carrierThread;
    }

    void close() {
        closed = true;
    }

    /** The executor of every controlled virtual thread: called by the JDK whenever one becomes runnable. */
    void submit(ControlledThread thread, Runnable task) {
        if (isOnCarrier()) {
            accept(thread, task);
        } else {
            foreign.add(new Submission(thread, task));
            LockSupport.unpark(carrier);
        }
    }

    private boolean isOnCarrier() {
        return Thread.currentThread() == carrier
                || Hooks.boundHandler() instanceof ControlledThread controlled && controlled.execution == execution;
    }

    private void accept(ControlledThread thread, Runnable task) {
        if (closed) {
            return; // a JDK timer firing for a thread of an execution that is over: drop it
        }
        execution.continuationArrived(thread);
        if (thread.id < 0) {
            execution.register(thread); // a thread the JDK started itself (a pool worker) joins on its first run
        }
        thread.continuation = task;
        if (thread.pending == Pending.IN_JDK || thread.pending == Pending.NONE) {
            thread.pending = Pending.RESUME;
            thread.pendingSite = -1;
        }
    }

    void drainForeign() {
        for (Submission submission; (submission = foreign.poll()) != null; ) {
            accept(submission.thread(), submission.task());
        }
    }

    boolean hasForeign() {
        return !foreign.isEmpty();
    }

    /** Parks the carrier until a foreign hand-back arrives or {@code nanos} pass. */
    void awaitForeign(long nanos) {
        LockSupport.parkNanos(this, nanos);
    }
}
