package dev.racetest.instrument.hooks;

/**
 * What the scheduler does at each synchronisation point of rewritten code.
 *
 * <p>The scheduler binds one handler to each thread it controls ({@link Hooks#bind}); rewritten
 * code reaches it through the static methods of {@link Hooks}. Every method is called on the
 * controlled thread itself, <em>before</em> the instruction it stands for, and may suspend that thread
 * until the scheduler lets it go on. Methods that replace an instruction outright (monitors,
 * wait/notify, the {@code Thread} methods) carry out its effect themselves.
 *
 * <p>The {@code site} argument is a {@link SyncSite#id()}; look it up with {@link SyncSites#get} only
 * when a report needs it.
 */
public interface SyncPointHandler {

    /** Before a read ({@code write == false}) or write of an instance or static field; {@code owner} is {@code null} for a static field. */
    void fieldAccess(Object owner, boolean write, int site);

    /** Before a read or write of {@code array[index]}. */
    void arrayAccess(Object array, int index, boolean write, int site);

    /** Replaces {@code monitorenter} and the entry of a {@code synchronized} method: returns once this thread owns {@code monitor}. */
    void monitorEnter(Object monitor, int site);

    /** Replaces {@code monitorexit} and every exit of a {@code synchronized} method. */
    void monitorExit(Object monitor, int site);

    /**
     * Replaces {@code Object.wait}; {@code timeoutNanos} is {@code 0} for an untimed wait.
     *
     * @throws IllegalMonitorStateException if this thread does not own {@code monitor}
     */
    void objectWait(Object monitor, long timeoutNanos, int site) throws InterruptedException;

    /**
     * Replaces {@code Object.notify} ({@code all == false}) and {@code Object.notifyAll}.
     *
     * @throws IllegalMonitorStateException if this thread does not own {@code monitor}
     */
    void objectNotify(Object monitor, boolean all, int site);

    /** Replaces {@code Thread.holdsLock}. */
    boolean holdsLock(Object monitor);

    /** Replaces {@code thread.start()}: the thread runs {@code thread.run()} as a controlled thread. */
    void threadStart(Thread thread, int site);

    /**
     * Replaces {@code thread.join(...)}; {@code timeoutNanos} is {@code 0} for an untimed join and
     * negative for {@code join(Duration)} with a zero or negative duration (check, do not wait).
     *
     * @return whether {@code thread} has terminated when the call returns
     */
    boolean threadJoin(Thread thread, long timeoutNanos, int site) throws InterruptedException;

    /** Replaces {@code Thread.currentThread()}: the {@code Thread} object user code knows this thread by. */
    Thread currentThread();

    /** Replaces {@code Thread.sleep(...)}; {@code nanos} is {@code 0} for {@code sleep(0)}. */
    void threadSleep(long nanos, int site) throws InterruptedException;

    /** Replaces {@code Thread.yield()} and {@code Thread.onSpinWait()}. */
    void threadYield(int site);

    /** Replaces {@code thread.interrupt()}. */
    void threadInterrupt(Thread thread, int site);

    /** Replaces {@code thread.isInterrupted()}. */
    boolean threadIsInterrupted(Thread thread);

    /** Replaces {@code Thread.interrupted()}: returns and clears this thread's interrupt status. */
    boolean threadInterrupted();

    /** Replaces {@code thread.isAlive()}. */
    boolean threadIsAlive(Thread thread);

    /** Before a call on a {@code java.util.concurrent.atomic} object. */
    void atomicAccess(Object atomic, int site);

    /**
     * Called when this thread starts running a static initialiser ({@code <clinit>}), and
     * {@link #staticInitializerExit()} when it leaves it, normally or not. A virtual thread inside a
     * static initialiser is pinned to its carrier: it cannot be switched out, so the scheduler must not
     * try (see ARCHITECTURE.md).
     */
    void staticInitializerEnter();

    /** Pairs with {@link #staticInitializerEnter()}. */
    void staticInitializerExit();

    // ---- calls into the JDK's concurrency library ----

    /**
     * Before a call from instrumented code into {@code java.util.concurrent} (locks, queues, latches,
     * executors, concurrent collections), {@code LockSupport}, {@code VarHandle} or {@code Unsafe}: a
     * preemption point, so another thread may run between two such calls. {@code target} is the
     * receiver, or {@code null} for a static call.
     */
    void libraryCall(Object target, int site);

    /**
     * Before a call on an object of a JDK class that is not thread-safe ({@code HashMap}, {@code ArrayList},
     * {@code StringBuilder}, {@code SimpleDateFormat}...), or on a view of one: no scheduling point, but a
     * read or write of that object for the race detector ({@link ApiHooks}).
     *
     * @param view whether {@code receiver} may be a view of such an object ({@code keySet()}, an iterator, a
     *             map's entry), which counts only when {@link #apiView} saw it come out of one
     */
    void apiAccess(Object receiver, boolean view, int site);

    /**
     * After a call on {@code receiver} (a tracked object or a view of one) returned {@code view}, a JDK
     * collection, iterator or entry that may read and write the same state.
     *
     * @param receiverIsView whether {@code receiver} is itself a view, which counts only when seen coming
     *                       out of a tracked object
     * @param entry whether it came from an iterator's {@code next()}/{@code previous()} (an element, which
     *              is a view only when it is the map's own entry)
     */
    void apiView(Object view, Object receiver, boolean receiverIsView, boolean entry);

    /**
     * Before a call on a {@code java.nio} buffer ({@link BufferHooks}): no scheduling point, but a read or
     * write of the buffer's own state (position, limit, mark, order) and, when {@code length > 0}, of
     * {@code length} bytes of memory: in the array {@code heapBase} from byte offset {@code address}, or,
     * when {@code heapBase} is {@code null}, at the native address {@code address}.
     */
    void bufferAccess(Object buffer, boolean stateWrite, Object heapBase, long address, long length, boolean write,
                      int site);

    /**
     * Called right before a JDK call that may park this thread and that racetest ends itself: a timed
     * wait (the call is made with an effectively infinite timeout instead, and racetest ends it when
     * the strategy lets the virtual timeout expire), or a wait that may return spuriously. Always
     * paired with {@link #blockingCallEnd()}, in a {@code finally}.
     *
     * @param target       the object waited on, for reports (a lock, a queue, a future), or {@code null}
     * @param timeoutNanos the call's timeout on the virtual clock, or {@code -1} for an untimed call
     * @param spurious     whether the strategy may wake the call spuriously
     * @param byUnpark     {@code true}: racetest ends the wait with {@code LockSupport.unpark} (for
     *                     {@code park}); {@code false}: with an interrupt, which the caller turns into the
     *                     call's timeout result through {@link #blockingCallEnd()}
     */
    void blockingCallBegin(Object target, long timeoutNanos, boolean spurious, boolean byUnpark, int site);

    /**
     * Pairs with {@link #blockingCallBegin}: returns {@link BlockingCall#COMPLETED} when the call ended by
     * itself, {@link BlockingCall#TIMED_OUT} or {@link BlockingCall#SPURIOUS} when racetest ended it. When
     * racetest ended it with an interrupt, that interrupt is no longer visible afterwards (the interrupt
     * status is what it would have been without it).
     */
    int blockingCallEnd();

    // ---- lock ownership (see LockOwnership); ignored unless the handler tracks it ----

    /**
     * Right before this thread tries to take {@code lock} in {@code mode} ({@link LockOwnership#EXCLUSIVE},
     * {@link LockOwnership#SHARED} or {@link LockOwnership#BY_RECEIVER}): if it parks inside the JDK now, it
     * waits for that lock.
     */
    default void lockAcquiring(Object lock, int mode, int site) {
    }

    /** This thread took {@code lock} in {@code mode} at {@code site} (again, when it already held it). */
    default void lockAcquired(Object lock, int mode, int site) {
    }

    /** This thread's attempt to take {@code lock} failed without waiting any more. */
    default void lockNotAcquired(Object lock) {
    }

    /** This thread released one hold of {@code lock} in {@code mode}. */
    default void lockReleased(Object lock, int mode, int site) {
    }

    /** {@code view} is the read ({@code mode == SHARED}) or write lock of the read-write lock {@code lock}. */
    default void lockView(Object view, Object lock, int mode) {
    }

    // ---- time ----

    /** Replaces {@code System.nanoTime()}: the execution's virtual clock. */
    long nanoTime();

    /** Replaces {@code System.currentTimeMillis()}: the execution's virtual wall clock. */
    long currentTimeMillis();

    // ---- nondeterminism ----

    /** Replaces {@code System.identityHashCode} and identity {@code hashCode()}: the same for the same schedule. */
    int identityHashCode(Object object);

    /** Returns the seed for a random generator created without one, the same for the same schedule. */
    long nextRandomSeed();

    // ---- thread identity ----

    /**
     * Returns a thread that the JDK (a thread pool, for instance) may start with {@code start()}: once
     * started it runs {@code userThread.run()} as a controlled thread that user code knows as
     * {@code userThread}. Used by thread factories handed to JDK executors.
     */
    Thread adoptThread(Thread userThread);

    /**
     * Replaces {@code LockSupport.unpark(thread)}: unparks the thread that runs as {@code thread}
     * (for a controlled thread that is not the {@code Thread} object user code holds).
     */
    void threadUnpark(Thread thread, int site);

    /**
     * After a {@code Thread} constructor ran in instrumented code: the thread takes its daemon status
     * from the thread user code knows as its creator (the JDK would take it from the virtual thread
     * racetest runs that code on, which is always a daemon), and a JDK default name numbered per
     * execution. Called once per constructor in a chain; only the first call counts.
     */
    void threadCreated(Thread thread);

    /** Replaces {@code thread.getState()}. */
    Thread.State threadState(Thread thread);

    /** Replaces {@code thread.threadId()} and {@code thread.getId()}. */
    long threadId(Thread thread);
}
