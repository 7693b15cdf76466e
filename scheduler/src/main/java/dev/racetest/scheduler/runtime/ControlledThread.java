package dev.racetest.scheduler.runtime;

import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.SyncPointHandler;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.scheduler.TestBody;

/**
 * One thread of an execution: a virtual thread whose continuations go to the {@link Execution}, and
 * the handler its instrumented code calls at every synchronisation point.
 *
 * <p>All fields are touched only on the execution's carrier thread (by this thread while it is mounted
 * there, or by the loop), one at a time, so none needs synchronisation.
 */
final class ControlledThread implements SyncPointHandler {

    final Execution execution;
    final int id;
    final String name;
    /** The {@code Thread} object user code knows this thread by: its own, or the virtual thread for the test body. */
    Thread identity;
    Thread vthread;

    /** The continuation the JDK handed back, ready to run; {@code null} while running, parked in the JDK, or ended. */
    Runnable continuation;
    /** True while this thread is suspended inside a hook (as opposed to parked inside JDK code). */
    boolean atHook;
    boolean terminated;
    int staticInitializerDepth;

    Pending pending = Pending.START;
    int pendingSite = -1;
    Object pendingTarget;
    int pendingIndex;
    boolean pendingWrite;
    Monitor pendingMonitor;
    ControlledThread joinTarget;
    boolean pendingTimed;
    /** For {@link Pending#WAIT}: removed from the wait set by a notify. */
    boolean notified;
    /** Set by an interrupt while blocked in wait/join/sleep, so that the block ends. */
    boolean interruptPending;

    ControlledThread(Execution execution, int id, String name) {
        this.execution = execution;
        this.id = id;
        this.name = name;
    }

    /** The body of the virtual thread: binds the hooks, runs the user's code, reports how it ended. */
    void runBody(TestBody userCode) {
        Hooks.bind(this);
        try {
            if (!execution.isAborting()) { // a thread never run before its execution ended just ends
                userCode.run();
            }
        } catch (Throwable failure) {
            if (!(failure instanceof ExecutionAborted)) {
                execution.threadFailed(this, failure);
            }
        } finally {
            Hooks.unbind();
            execution.threadTerminated(this);
        }
    }

    boolean isPendingEnabled() {
        return switch (pending) {
            case START, STEP, SLEEP, RESUME -> true;
            case MONITOR_ENTER -> pendingMonitor.isAvailableTo(this);
            case WAIT -> (notified || pendingTimed || interruptPending) && pendingMonitor.owner == null;
            case JOIN -> joinTarget.terminated || pendingTimed || interruptPending;
            case IN_JDK, NONE -> false;
        };
    }

    String label() {
        return "T" + id + " " + name;
    }

    private void await(Pending kind, int site, Object target) {
        pending = kind;
        pendingSite = site;
        pendingTarget = target;
        execution.schedulingPoint(this);
        pending = Pending.NONE;
    }

    private boolean consumeInterrupt() {
        interruptPending = false;
        return Thread.interrupted();
    }

    // ---- SyncPointHandler: called by instrumented code on this thread ----

    @Override
    public void fieldAccess(Object owner, boolean write, int site) {
        pendingWrite = write;
        await(Pending.STEP, site, owner);
    }

    @Override
    public void arrayAccess(Object array, int index, boolean write, int site) {
        pendingWrite = write;
        pendingIndex = index;
        await(Pending.STEP, site, array);
    }

    @Override
    public void atomicAccess(Object atomic, int site) {
        await(Pending.STEP, site, atomic);
    }

    @Override
    public void monitorEnter(Object object, int site) {
        Monitor monitor = execution.monitor(object);
        pendingMonitor = monitor;
        await(Pending.MONITOR_ENTER, site, object);
        monitor.acquire(this, site);
    }

    @Override
    public void monitorExit(Object object, int site) {
        Monitor monitor = execution.existingMonitor(object);
        if (monitor == null || monitor.owner != this) {
            if (execution.isAborting()) {
                return; // finally blocks unwinding an aborted execution may exit monitors they never got
            }
            throw new IllegalMonitorStateException("current thread does not own the monitor it exits");
        }
        monitor.release();
    }

    @Override
    public void objectWait(Object object, long timeoutNanos, int site) throws InterruptedException {
        Monitor monitor = ownedMonitor(object);
        if (consumeInterrupt()) {
            throw new InterruptedException();
        }
        int held = monitor.releaseAll();
        notified = false;
        monitor.waitSet.addLast(this);
        pendingMonitor = monitor;
        pendingTimed = timeoutNanos != 0;
        await(Pending.WAIT, site, object);
        // Woken by notify, by the timeout (a strategy choice) or by an interrupt; leave the wait set either way.
        monitor.waitSet.remove(this);
        monitor.reacquire(this, held, site);
        if (consumeInterrupt()) {
            throw new InterruptedException();
        }
    }

    @Override
    public void objectNotify(Object object, boolean all, int site) {
        Monitor monitor = ownedMonitor(object);
        await(Pending.STEP, site, object);
        do {
            ControlledThread waiter = monitor.waitSet.pollFirst();
            if (waiter == null) {
                break;
            }
            waiter.notified = true;
        } while (all);
    }

    @Override
    public boolean holdsLock(Object object) {
        Monitor monitor = execution.existingMonitor(object);
        return monitor != null && monitor.owner == this;
    }

    @Override
    public void threadStart(Thread thread, int site) {
        if (execution.controlledThreadOf(thread) != null) {
            throw new IllegalThreadStateException("thread " + thread.getName() + " was already started");
        }
        await(Pending.STEP, site, thread);
        execution.startThread(thread);
    }

    @Override
    public boolean threadJoin(Thread thread, long timeoutNanos, int site) throws InterruptedException {
        ControlledThread target = execution.controlledThreadOf(thread);
        if (target == null) {
            // Never started, or not ours: a never-started thread is not alive, so join returns at once.
            return !thread.isAlive() || joinUncontrolled(thread, timeoutNanos);
        }
        if (consumeInterrupt()) {
            throw new InterruptedException();
        }
        joinTarget = target;
        pendingTimed = timeoutNanos != 0;
        await(Pending.JOIN, site, thread);
        joinTarget = null;
        if (consumeInterrupt()) {
            throw new InterruptedException();
        }
        return target.terminated;
    }

    private static boolean joinUncontrolled(Thread thread, long timeoutNanos) throws InterruptedException {
        if (timeoutNanos == 0) {
            thread.join();
        } else if (timeoutNanos > 0) {
            java.util.concurrent.TimeUnit.NANOSECONDS.timedJoin(thread, timeoutNanos);
        }
        return !thread.isAlive();
    }

    @Override
    public Thread currentThread() {
        return identity;
    }

    @Override
    public void threadSleep(long nanos, int site) throws InterruptedException {
        if (consumeInterrupt()) {
            throw new InterruptedException("sleep interrupted");
        }
        await(Pending.SLEEP, site, null);
        if (consumeInterrupt()) {
            throw new InterruptedException("sleep interrupted");
        }
    }

    @Override
    public void threadYield(int site) {
        await(Pending.STEP, site, null);
    }

    @Override
    public void threadInterrupt(Thread thread, int site) {
        await(Pending.STEP, site, thread);
        ControlledThread target = execution.controlledThreadOf(thread);
        if (target == null) {
            thread.interrupt();
            return;
        }
        if (target.pending == Pending.WAIT || target.pending == Pending.JOIN || target.pending == Pending.SLEEP) {
            target.interruptPending = true;
        }
        // The real flag lives on the virtual thread, so JDK code it is blocked in (a j.u.c. lock, a queue)
        // sees the interrupt too; unparking it hands its continuation back to us synchronously.
        target.vthread.interrupt();
    }

    @Override
    public boolean threadIsInterrupted(Thread thread) {
        ControlledThread target = execution.controlledThreadOf(thread);
        return target != null ? target.vthread.isInterrupted() : thread.isInterrupted();
    }

    @Override
    public boolean threadInterrupted() {
        interruptPending = false;
        return Thread.interrupted();
    }

    @Override
    public boolean threadIsAlive(Thread thread) {
        ControlledThread target = execution.controlledThreadOf(thread);
        return target != null ? !target.terminated : thread.isAlive();
    }

    @Override
    public void staticInitializerEnter() {
        staticInitializerDepth++;
    }

    @Override
    public void staticInitializerExit() {
        staticInitializerDepth--;
    }

    @Override
    public void libraryCall(Object target, int site) {
        await(Pending.STEP, site, target);
    }

    @Override
    public void blockingCallBegin(Object target, long timeoutNanos, boolean spurious, boolean byUnpark, int site) {
        await(Pending.STEP, site, target);
    }

    @Override
    public int blockingCallEnd() {
        return dev.racetest.instrument.hooks.BlockingCall.COMPLETED;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public int identityHashCode(Object object) {
        return System.identityHashCode(object);
    }

    @Override
    public long nextRandomSeed() {
        return 42;
    }

    @Override
    public Thread adoptThread(Thread userThread) {
        return userThread;
    }

    @Override
    public void threadUnpark(Thread thread, int site) {
        java.util.concurrent.locks.LockSupport.unpark(thread);
    }

    @Override
    public Thread.State threadState(Thread thread) {
        return thread.getState();
    }

    @Override
    public long threadId(Thread thread) {
        return thread.threadId();
    }

    private Monitor ownedMonitor(Object object) {
        Monitor monitor = execution.existingMonitor(object);
        if (monitor == null || monitor.owner != this) {
            throw new IllegalMonitorStateException("current thread is not owner");
        }
        return monitor;
    }

    /** Describes the operation this thread is about to perform, for a trace step. */
    String describePending(ObjectLabels labels) {
        return switch (pending) {
            case START -> "starts";
            case RESUME -> "resumes inside the JDK";
            case SLEEP -> "sleeps";
            case MONITOR_ENTER -> "locks " + labels.label(pendingTarget);
            case WAIT -> (notified ? "wakes (notified) from wait on " : interruptPending
                    ? "wakes (interrupted) from wait on " : "wakes (timed out) from wait on ") + labels.label(pendingTarget);
            case JOIN -> "joins " + joinTarget.label();
            case STEP -> describeStep(labels);
            case IN_JDK, NONE -> "continues";
        };
    }

    private String describeStep(ObjectLabels labels) {
        if (pendingSite < 0) {
            return "continues";
        }
        var site = SyncSites.get(pendingSite);
        SyncPointKind kind = site.kind();
        return switch (kind) {
            case ARRAY_READ, ARRAY_WRITE -> kind.verb() + " " + labels.label(pendingTarget) + "[" + pendingIndex + "]";
            case FIELD_READ, FIELD_WRITE, VOLATILE_READ, VOLATILE_WRITE, ATOMIC ->
                    pendingTarget == null ? site.describe() : site.describe() + " of " + labels.label(pendingTarget);
            case THREAD_START, THREAD_INTERRUPT -> kind.verb() + " "
                    + (pendingTarget instanceof Thread thread ? describeThread(thread) : site.target());
            default -> pendingTarget == null ? site.describe() : site.describe() + " " + labels.label(pendingTarget);
        };
    }

    private String describeThread(Thread thread) {
        ControlledThread target = execution.controlledThreadOf(thread);
        return target != null ? target.label() : thread.getName();
    }
}
