package dev.racetest.scheduler.runtime;

import dev.racetest.instrument.hooks.BlockingCall;
import dev.racetest.instrument.hooks.Hooks;
import dev.racetest.instrument.hooks.SyncPointHandler;
import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.scheduler.TestBody;
import dev.racetest.scheduler.runtime.races.VectorClock;

import java.util.concurrent.locks.LockSupport;

/**
 * One thread of an execution: a virtual thread whose continuations go to the {@link Execution}, and
 * the handler its instrumented code calls at every synchronisation point.
 *
 * <p>All fields are touched only on the execution's carrier thread (by this thread while it is mounted
 * there, or by the loop), one at a time, so none needs synchronisation.
 */
final class ControlledThread implements SyncPointHandler {

    final Execution execution;
    /** The thread's number in its execution (0 is the test body); -1 until it is started. */
    int id = -1;
    final String name;
    /** Daemon threads are not waited for: the execution ends when every other thread has. */
    boolean daemon;
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
    /** When a timed wait (wait, join, sleep, a timed JDK call) times out on the virtual clock. */
    long deadline = VirtualTime.NO_DEADLINE;
    /** Whether the current wait may end spuriously (wait, park, Condition.await). */
    boolean spuriousAllowed;
    /** Set by the scheduler when it ends the current wait itself. */
    Wake wake = Wake.NONE;
    /** Between blockingCallBegin and blockingCallEnd: the JDK call may park, and racetest may end it. */
    boolean blockingArmed;
    boolean blockingByUnpark;
    int blockingSite = -1;
    /** Another thread interrupted this one after racetest had ended its blocking call with an interrupt. */
    boolean interruptedAfterWake;
    /** For {@link Pending#WAIT}: removed from the wait set by a notify. */
    boolean notified;
    /** Set by an interrupt while blocked in wait/join/sleep, so that the block ends. */
    boolean interruptPending;
    /** This thread's vector clock for race detection; {@code null} while detection is off. */
    VectorClock raceClock;
    /** Acquire the JDK's clock at the next scheduling point: a library call returned, or the JDK woke this thread. */
    boolean jdkAcquirePending;
    /** Between a {@code StampedLock.tryOptimisticRead} and the next library call: reads are validated, not checked. */
    boolean optimisticReading;
    /**
     * The library call this thread last entered (outside a blocking call's bracket, whose own call counts
     * instead), to name what it waits for when it parks inside the JDK: receiver ({@code null} when static) and site.
     */
    Object lastCallTarget;
    int lastCallSite = -1;
    /** The j.u.c. lock this thread is about to take (set right before the call, cleared after), or {@code null}. */
    Object awaitedLock;
    int awaitedLockMode;
    int awaitedLockSite = -1;

    ControlledThread(Execution execution, String name) {
        this.execution = execution;
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
                uncaught(failure);
            }
        } finally {
            Hooks.unbind();
            execution.threadTerminated(this);
        }
    }

    /**
     * Gives an exception that ended the thread to the handler user code installed on its thread, as the
     * JVM would; without one it fails the execution. A JVM-wide default handler is not consulted: a test
     * must not pass because an exception in one of its threads was printed and forgotten.
     */
    private void uncaught(Throwable failure) {
        Thread.UncaughtExceptionHandler handler = identity == vthread ? null : identity.getUncaughtExceptionHandler();
        if (handler == null || handler == identity.getThreadGroup()) {
            execution.threadFailed(this, failure);
            return;
        }
        try {
            handler.uncaughtException(identity, failure);
        } catch (Throwable handlerFailure) {
            if (!(handlerFailure instanceof ExecutionAborted)) {
                execution.threadFailed(this, handlerFailure);
            }
        }
    }

    /** Whether this thread may perform its pending operation now, without the scheduler waking it. */
    boolean isPendingEnabled() {
        return switch (pending) {
            case START, STEP, RESUME -> true;
            case MONITOR_ENTER -> pendingMonitor.isAvailableTo(this);
            case WAIT -> (notified || interrupted() || wake != Wake.NONE) && pendingMonitor.owner == null;
            case JOIN -> joinTarget.terminated || interrupted() || wake != Wake.NONE;
            case SLEEP -> interrupted() || wake != Wake.NONE;
            case IN_JDK, NONE -> false;
        };
    }

    /**
     * Whether an interrupt ends this thread's wait: one sent through the interrupt hook, or one JDK code
     * sent straight to the virtual thread (a {@code Future.cancel(true)}, a pool's {@code shutdownNow}),
     * which no hook sees.
     */
    private boolean interrupted() {
        return interruptPending || vthread.isInterrupted();
    }

    /**
     * Whether the scheduler could end this thread's wait now, were its timeout to expire ({@code
     * spurious == false}) or a spurious wake-up to happen: it waits, and would be able to run at once.
     */
    boolean isWakeable(boolean spurious) {
        if (terminated || wake != Wake.NONE || (spurious ? !spuriousAllowed : deadline == VirtualTime.NO_DEADLINE)) {
            return false;
        }
        return switch (pending) {
            case WAIT -> !notified && !interrupted() && pendingMonitor.owner == null;
            case JOIN, SLEEP -> !spurious && !interrupted() && (pending == Pending.SLEEP || !joinTarget.terminated);
            case IN_JDK -> blockingArmed && continuation == null;
            default -> false;
        };
    }

    String label() {
        return "T" + id + " " + name;
    }

    private void await(Pending kind, int site, Object target) {
        if (jdkAcquirePending) {
            execution.races.acquireJdk(this);
        }
        pending = kind;
        pendingSite = site;
        pendingTarget = target;
        execution.schedulingPoint(this);
        pending = Pending.NONE;
    }

    /** Waits as {@code kind} until woken, timing out at {@code timeoutNanos} on the virtual clock ({@code 0}: untimed). */
    private Wake awaitWake(Pending kind, int site, Object target, long timeoutNanos, boolean spurious) {
        deadline = timeoutNanos > 0 ? execution.time().deadlineAfter(timeoutNanos) : VirtualTime.NO_DEADLINE;
        spuriousAllowed = spurious;
        wake = Wake.NONE;
        try {
            await(kind, site, target);
            return wake;
        } finally {
            deadline = VirtualTime.NO_DEADLINE;
            spuriousAllowed = false;
            wake = Wake.NONE;
        }
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
        RaceTracking races = execution.races;
        if (races != null) {
            races.field(this, owner, write, site);
        }
    }

    @Override
    public void arrayAccess(Object array, int index, boolean write, int site) {
        pendingWrite = write;
        pendingIndex = index;
        await(Pending.STEP, site, array);
        RaceTracking races = execution.races;
        if (races != null) {
            races.element(this, array, index, write, site);
        }
    }

    @Override
    public void atomicAccess(Object atomic, int site) {
        await(Pending.STEP, site, atomic);
        if (execution.races != null) {
            execution.races.atomic(this, atomic);
        }
    }

    @Override
    public void monitorEnter(Object object, int site) {
        Monitor monitor = execution.monitor(object);
        pendingMonitor = monitor;
        await(Pending.MONITOR_ENTER, site, object);
        monitor.acquire(this, site);
        if (execution.races != null) {
            execution.races.acquired(this, monitor);
        }
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
        if (monitor.release() && execution.races != null) {
            execution.races.released(this, monitor);
        }
    }

    @Override
    public void objectWait(Object object, long timeoutNanos, int site) throws InterruptedException {
        Monitor monitor = ownedMonitor(object);
        if (consumeInterrupt()) {
            throw new InterruptedException();
        }
        int held = monitor.releaseAll();
        if (execution.races != null) {
            execution.races.released(this, monitor);
        }
        notified = false;
        monitor.waitSet.addLast(this);
        pendingMonitor = monitor;
        awaitWake(Pending.WAIT, site, object, timeoutNanos, true);
        // Woken by notify, by the timeout (a strategy choice) or by an interrupt; leave the wait set either way.
        monitor.waitSet.remove(this);
        monitor.reacquire(this, held, site);
        if (execution.races != null) {
            execution.races.acquired(this, monitor);
        }
        if (consumeInterrupt()) {
            throw new InterruptedException();
        }
    }

    @Override
    public void objectNotify(Object object, boolean all, int site) {
        Monitor monitor = ownedMonitor(object);
        await(Pending.STEP, site, object);
        if (all) {
            for (ControlledThread waiter; (waiter = monitor.waitSet.pollFirst()) != null; ) {
                waiter.notified = true;
            }
        } else if (!monitor.waitSet.isEmpty()) {
            // Which waiter a notify wakes is unspecified: the strategy chooses.
            ControlledThread waiter = execution.chooseWaiter(monitor.waitSet);
            monitor.waitSet.remove(waiter);
            waiter.notified = true;
        }
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
        ControlledThread child = execution.controlledThreadOf(thread);
        if (child != null && execution.races != null) {
            execution.races.started(this, child);
        }
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
        if (timeoutNanos < 0) {
            await(Pending.STEP, site, thread); // join(Duration) with a non-positive duration only checks
        } else {
            awaitWake(Pending.JOIN, site, thread, timeoutNanos, false);
        }
        joinTarget = null;
        if (target.terminated && execution.races != null) {
            execution.races.joined(this, target);
        }
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
        if (nanos <= 0) {
            await(Pending.STEP, site, null);
        } else {
            awaitWake(Pending.SLEEP, site, null, nanos, false);
        }
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
        if (execution.races != null) {
            execution.races.woke(this, target); // the interrupted thread sees it after everything done so far
        }
        if (target.pending == Pending.WAIT || target.pending == Pending.JOIN || target.pending == Pending.SLEEP) {
            target.interruptPending = true;
        }
        if (target.blockingArmed && target.wake != Wake.NONE && !target.blockingByUnpark) {
            target.interruptedAfterWake = true; // racetest's own interrupt is hidden later; this one must survive
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
        if (target == null) {
            return thread.isAlive();
        }
        if (target.terminated && execution.races != null) {
            execution.races.joined(this, target); // seeing a thread ended orders its actions before, as join does
        }
        return !target.terminated;
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
        awaitedLock = null;
        if (!blockingArmed) {
            lastCallTarget = target;
            lastCallSite = site;
        }
        await(Pending.STEP, site, target);
        if (execution.races != null) {
            execution.races.libraryCall(this, site);
        }
    }

    /** Not a scheduling point: only the race detector sees it (see {@link RaceTracking#api}). */
    @Override
    public void apiAccess(Object receiver, boolean view, int site) {
        RaceTracking races = execution.races;
        if (races != null) {
            if (jdkAcquirePending) {
                races.acquireJdk(this); // a library call returned since the last point: what it acquired counts
            }
            races.api(this, receiver, view, site);
        }
    }

    @Override
    public void apiView(Object view, Object receiver, boolean receiverIsView, boolean entry) {
        RaceTracking races = execution.races;
        if (races != null) {
            races.view(view, receiver, receiverIsView, entry);
        }
    }

    /** Not a scheduling point: only the race detector sees it (see {@link RaceTracking#buffer}). */
    @Override
    public void bufferAccess(Object buffer, boolean stateWrite, Object heapBase, long address, long length,
                             boolean write, int site) {
        RaceTracking races = execution.races;
        if (races != null) {
            if (jdkAcquirePending) {
                races.acquireJdk(this);
            }
            races.buffer(this, buffer, stateWrite, heapBase, address, length, write, site);
        }
    }

    @Override
    public void blockingCallBegin(Object target, long timeoutNanos, boolean spurious, boolean byUnpark, int site) {
        lastCallTarget = target;
        lastCallSite = site;
        await(Pending.STEP, site, target);
        if (execution.races != null) {
            execution.races.libraryCall(this, site);
        }
        blockingArmed = true;
        blockingByUnpark = byUnpark;
        interruptedAfterWake = false;
        deadline = timeoutNanos >= 0 ? execution.time().deadlineAfter(timeoutNanos) : VirtualTime.NO_DEADLINE;
        spuriousAllowed = spurious;
        wake = Wake.NONE;
        blockingSite = site;
        pendingTarget = target;
    }

    @Override
    public void lockAcquiring(Object lock, int mode, int site) {
        awaitedLock = lock;
        awaitedLockMode = mode;
        awaitedLockSite = site;
    }

    @Override
    public void lockAcquired(Object lock, int mode, int site) {
        awaitedLock = null;
        execution.heldLocks().acquired(this, lock, mode, site);
    }

    @Override
    public void lockNotAcquired(Object lock) {
        awaitedLock = null;
    }

    @Override
    public void lockReleased(Object lock, int mode, int site) {
        execution.heldLocks().released(this, lock, mode, site);
    }

    @Override
    public void lockView(Object view, Object lock, int mode) {
        execution.heldLocks().view(view, lock, mode);
    }

    @Override
    public int blockingCallEnd() {
        if (jdkAcquirePending) {
            execution.races.acquireJdk(this);
        }
        Wake ended = wake;
        boolean byInterrupt = ended != Wake.NONE && !blockingByUnpark;
        boolean reinterrupt = interruptedAfterWake;
        blockingArmed = false;
        blockingSite = -1;
        interruptedAfterWake = false;
        deadline = VirtualTime.NO_DEADLINE;
        spuriousAllowed = false;
        wake = Wake.NONE;
        if (byInterrupt) {
            Thread.interrupted(); // racetest's interrupt, if the JDK call did not consume it
            if (reinterrupt) {
                vthread.interrupt();
            }
        }
        return switch (ended) {
            case NONE -> BlockingCall.COMPLETED;
            case TIMEOUT -> BlockingCall.TIMED_OUT;
            case SPURIOUS -> BlockingCall.SPURIOUS;
        };
    }

    /** Ends this thread's armed blocking call, parked inside the JDK, the way it asked to be ended. */
    void wakeBlockingCall(Wake reason) {
        wake = reason;
        if (blockingByUnpark) {
            LockSupport.unpark(vthread);
        } else {
            vthread.interrupt();
        }
    }

    @Override
    public long nanoTime() {
        return execution.time().nanoTime();
    }

    @Override
    public long currentTimeMillis() {
        return execution.time().currentTimeMillis();
    }

    @Override
    public int identityHashCode(Object object) {
        return execution.identities().identityHashCode(object);
    }

    @Override
    public long nextRandomSeed() {
        return execution.identities().nextRandomSeed();
    }

    @Override
    public Thread adoptThread(Thread userThread) {
        return execution.adoptThread(userThread, this);
    }

    @Override
    public void threadCreated(Thread thread) {
        execution.threadCreated(thread, this);
    }

    @Override
    public void threadUnpark(Thread thread, int site) {
        await(Pending.STEP, site, thread);
        ControlledThread target = execution.controlledThreadOf(thread);
        if (target != null && execution.races != null) {
            execution.races.woke(this, target); // even when the permit is only stored for a later park
        }
        LockSupport.unpark(target != null ? target.vthread : thread);
    }

    @Override
    public Thread.State threadState(Thread thread) {
        ControlledThread target = execution.controlledThreadOf(thread);
        if (target != null && target.terminated && execution.races != null) {
            execution.races.joined(this, target);
        }
        return target != null ? target.state() : thread.getState();
    }

    @Override
    public long threadId(Thread thread) {
        return execution.identities().threadId(thread);
    }

    /** The state the JDK would report for this thread, from the scheduler's model. */
    Thread.State state() {
        if (terminated) {
            return Thread.State.TERMINATED;
        }
        boolean timed = deadline != VirtualTime.NO_DEADLINE;
        return switch (pending) {
            case MONITOR_ENTER -> pendingMonitor.isAvailableTo(this) ? Thread.State.RUNNABLE : Thread.State.BLOCKED;
            case WAIT -> notified
                    ? (pendingMonitor.owner == null ? Thread.State.RUNNABLE : Thread.State.BLOCKED)
                    : timed ? Thread.State.TIMED_WAITING : Thread.State.WAITING;
            case JOIN -> joinTarget.terminated ? Thread.State.RUNNABLE : timed ? Thread.State.TIMED_WAITING : Thread.State.WAITING;
            case SLEEP -> Thread.State.TIMED_WAITING;
            case IN_JDK -> blockingArmed && timed ? Thread.State.TIMED_WAITING : vthread.getState();
            default -> Thread.State.RUNNABLE;
        };
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
            case IN_JDK -> wake == Wake.TIMEOUT ? "times out in " + describeStep(labels)
                    : wake == Wake.SPURIOUS ? "wakes spuriously in " + describeStep(labels) : "continues";
            case SLEEP -> "wakes from sleep";
            case MONITOR_ENTER -> "locks " + labels.label(pendingTarget);
            case WAIT -> (notified ? "wakes (notified) from wait on " : interrupted()
                    ? "wakes (interrupted) from wait on " : wake == Wake.SPURIOUS ? "wakes (spuriously) from wait on "
                    : "wakes (timed out) from wait on ") + labels.label(pendingTarget);
            case JOIN -> "joins " + joinTarget.label();
            case STEP -> describeStep(labels);
            case NONE -> "continues";
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
