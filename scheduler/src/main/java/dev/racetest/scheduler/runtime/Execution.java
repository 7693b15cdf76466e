package dev.racetest.scheduler.runtime;

import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.instrument.hooks.VirtualThreadTasks;
import dev.racetest.scheduler.BlockedThread;
import dev.racetest.scheduler.Choice;
import dev.racetest.scheduler.LeakMode;
import dev.racetest.scheduler.Outcome;
import dev.racetest.scheduler.RaceDetection;
import dev.racetest.scheduler.RaceMode;
import dev.racetest.scheduler.ReplayDivergedException;
import dev.racetest.scheduler.Schedule;
import dev.racetest.scheduler.Strategy;
import dev.racetest.scheduler.TestBody;
import dev.racetest.scheduler.TraceStep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;

/**
 * One execution of a test: its controlled threads, its monitors, and the loop that runs one thread
 * at a time in the order the strategy chooses.
 *
 * <p>The loop runs on the thread that calls {@link #run} (the carrier). Each controlled thread is a
 * virtual thread whose scheduler hands its continuation back here instead of running it; the loop
 * (or a thread's own scheduling point) picks the next thread and runs its continuation until it
 * reaches its next scheduling point, parks inside the JDK, or ends. So exactly one controlled thread
 * runs at any time and the execution is a function of the strategy's choices. All state below is
 * confined to the carrier; only {@link #running} is read from another thread (the watchdog), and
 * continuations handed back by JDK threads go through {@link Handoff}.
 */
public final class Execution {

    private static final long OUTSIDE_WAKEUP_POLL_NANOS = 10_000_000;
    /**
     * How long to wait, when every live thread is parked inside the JDK, for a thread racetest does not
     * control to unpark one before calling it a deadlock. Only failing executions pay it.
     */
    private static final long JDK_PARK_GRACE_NANOS = 250_000_000;

    /** How many spurious wake-ups an execution may have when nothing else is configured. */
    public static final int DEFAULT_SPURIOUS_WAKEUPS = 1;

    /** How far ahead a timeout may expire while other threads could run, when nothing else is configured. */
    public static final Duration DEFAULT_MAX_STALL = Duration.ofSeconds(1);

    private static final byte RUNS = 0;
    private static final byte TIMES_OUT = 1;
    private static final byte WAKES_SPURIOUSLY = 2;

    private final Strategy strategy;
    private final int maxSteps;
    private final Duration timeout;
    private final VirtualTime time = new VirtualTime();
    private final Identities identities;
    private int spuriousWakeupsLeft;
    private final long maxStallNanos;
    /** Threads started and not ended that are not daemon threads; the execution ends when it reaches 0. */
    private int liveNonDaemon;

    private long deadline;
    private final ArrayList<ControlledThread> threads = new ArrayList<>(4);
    private final IdentityHashMap<Thread, ControlledThread> byIdentity = new IdentityHashMap<>();
    private final IdentityHashMap<Object, Monitor> monitors = new IdentityHashMap<>();
    /** Who holds which j.u.c. lock, as the call sites report it; for deadlock reports. */
    private final HeldLocks heldLocks = new HeldLocks();
    private final Handoff handoff = new Handoff(this);

    /** The thread a scheduling point chose to run next, for the loop to resume; {@code null} lets the loop decide. */
    private ControlledThread next;
    private volatile ControlledThread running;
    private ControlledThread[] enabled = new ControlledThread[8];
    /** For each candidate in {@link #enabled}: whether it runs, times out or wakes spuriously if chosen. */
    private byte[] how = new byte[8];
    private final Operations operations = new Operations(this::controlledThreadOf);
    private final ChoiceView view = new ChoiceView(operations);
    /** Whether the strategy sees every step ({@link Strategy#observesSteps()}), asked once. */
    private final boolean observed;
    /** Steps taken inside static initialisers, where no choice is possible. */
    private int pinnedSteps;

    private int steps;
    private int switches;
    private int previousThreadId = -1;
    private final StepLog log;

    private Outcome failure;
    private final LeakMode leaks;
    /** The leak this execution ended with when leaks only warn. */
    private Outcome.LeakedThreads leakWarning;
    private long escapeMark;
    private boolean aborting;

    /** Race detection, or {@code null} when it is off. */
    final RaceTracking races;
    /** True while the scheduler itself ends a thread's wait (a timeout it chose): that is no happens-before edge. */
    private boolean schedulerWaking;

    /**
     * Prepares an execution.
     *
     * @param strategy  chooses at every decision; {@link Strategy#beginExecution} must already have been called
     * @param maxSteps  the step bound (livelock)
     * @param timeout   the wall-time bound
     * @param recording whether to keep every step for a report (slower; used when replaying a failure)
     */
    public Execution(Strategy strategy, int maxSteps, Duration timeout, boolean recording) {
        this(strategy, maxSteps, timeout, DEFAULT_SPURIOUS_WAKEUPS, DEFAULT_MAX_STALL, recording);
    }

    /**
     * Prepares an execution that may wake waiting threads spuriously up to {@code spuriousWakeups}
     * times (0: never), and may let a timeout expire while other threads could still run when it is due
     * within {@code maxStall} on the virtual clock.
     */
    public Execution(Strategy strategy, int maxSteps, Duration timeout, int spuriousWakeups, Duration maxStall,
                     boolean recording) {
        this(strategy, maxSteps, timeout, spuriousWakeups, maxStall, RaceDetection.defaults(), recording);
    }

    /**
     * Prepares an execution as above that detects data races as {@code raceDetection} says; while
     * recording, it also keeps the stack of every memory access, so that a race shows both.
     */
    public Execution(Strategy strategy, int maxSteps, Duration timeout, int spuriousWakeups, Duration maxStall,
                     RaceDetection raceDetection, boolean recording) {
        this(strategy, maxSteps, timeout, spuriousWakeups, maxStall, raceDetection, LeakMode.FAIL, recording);
    }

    /**
     * Prepares an execution as above in which threads the test body leaves behind, unable to ever end,
     * fail it, only warn ({@link #leakWarning()}) or are ignored, as {@code leaks} says; they are torn down
     * in every case.
     */
    public Execution(Strategy strategy, int maxSteps, Duration timeout, int spuriousWakeups, Duration maxStall,
                     RaceDetection raceDetection, LeakMode leaks, boolean recording) {
        this.leaks = leaks;
        this.races = raceDetection.mode() == RaceMode.OFF ? null : new RaceTracking(this, raceDetection, recording);
        this.strategy = strategy;
        this.observed = strategy.observesSteps();
        this.maxStallNanos = maxStall.toNanos();
        this.maxSteps = maxSteps;
        this.timeout = timeout;
        this.spuriousWakeupsLeft = spuriousWakeups;
        this.identities = new Identities(strategy.executionSeed());
        this.log = new StepLog(recording);
    }

    /** Runs {@code body} as thread 0 and every thread it starts, to the end or the first failure. */
    public Outcome run(TestBody body) {
        handoff.openOn(Thread.currentThread());
        deadline = System.nanoTime() + timeout.toNanos();
        escapeMark = EscapedThreads.INSTANCE.mark();
        ControlledThread main = newThread("main", null, body);
        register(main);
        main.vthread.start();
        try {
            loop();
        } finally {
            Outcome outcome = failure;
            abortRemaining();
            failure = outcome;
        }
        // An uncontrolled thread took part: whatever the verdict was, it cannot be trusted.
        Outcome.UncontrolledThread escaped = EscapedThreads.INSTANCE.since(escapeMark);
        if (escaped != null) {
            return escaped;
        }
        return failure == null ? new Outcome.Passed() : failure;
    }

    /** Returns the choices this execution made, which replay it. */
    public Schedule schedule() {
        return log.schedule(strategy.executionSeed());
    }

    /** Returns the choices made so far, from the watchdog, while the carrier is stuck in user code. */
    public Schedule scheduleWhileStuck() {
        return log.scheduleFromAnotherThread(strategy.executionSeed());
    }

    /** Returns a 64-bit hash of the choices, to count distinct interleavings. */
    public long choiceHash() {
        return log.choiceHash();
    }

    /** Returns how many controlled threads took part, the test body included. */
    public int threadCount() {
        return threads.size();
    }

    /** Returns the first data race of this execution when races only warn; empty otherwise. */
    public Optional<Outcome.DataRace> raceWarning() {
        return races == null ? Optional.empty() : Optional.ofNullable(races.warning());
    }

    /** Returns the threads this execution leaked when leaks only warn ({@link LeakMode#WARN}); empty otherwise. */
    public Optional<Outcome.LeakedThreads> leakWarning() {
        return Optional.ofNullable(leakWarning);
    }

    /** Returns how many steps ran. */
    public int steps() {
        return steps;
    }

    /** Returns the recorded steps; empty unless recording. */
    public List<TraceStep> trace() {
        return log.trace();
    }

    /**
     * Returns, from any thread, a stuck execution's running thread and where it is; used by a
     * watchdog when the carrier does not come back.
     */
    public Outcome.TimedOut stuckReport() {
        ControlledThread current = running;
        if (current == null) {
            return new Outcome.TimedOut(timeout, "none", List.of());
        }
        return new Outcome.TimedOut(timeout, current.label(), UserFrames.of(current.vthread.getStackTrace()));
    }

    // ---- the loop ----

    private void loop() {
        while (true) {
            handoff.drainForeign();
            if (failure != null || liveNonDaemon == 0) {
                return; // a failure, or only daemon threads left, which the JVM would not wait for either
            }
            ControlledThread chosen = next;
            next = null;
            if (chosen == null) {
                chosen = decide(null);
                if (failure != null) {
                    return;
                }
                if (chosen == null) {
                    if (allTerminated()) {
                        return;
                    }
                    if (!awaitOutsideWakeup()) {
                        if (failure == null) {
                            failure = unlessToleratedLeak(standstill());
                        }
                        return;
                    }
                    continue;
                }
            }
            runSlice(chosen);
        }
    }

    private void runSlice(ControlledThread thread) {
        Runnable task = thread.continuation;
        thread.continuation = null;
        if (thread.pending == Pending.START || thread.pending == Pending.RESUME) {
            thread.pending = Pending.NONE;
        }
        running = thread;
        switches++;
        task.run();
        running = null;
        if (!thread.terminated && thread.continuation == null && thread.pending == Pending.NONE) {
            thread.pending = Pending.IN_JDK; // parked inside JDK code: a j.u.c. lock, a queue, a latch
            thread.pendingSite = thread.blockingArmed ? thread.blockingSite : -1;
        }
    }

    /**
     * Picks the thread that performs the next step among those that can, counting the step; returns
     * {@code null} when none can or a bound was hit (then {@link #failure} says which).
     *
     * <p>The candidates are the enabled threads, then the waiting threads whose timeout may expire
     * now (the earliest deadline on the virtual clock, and any already past), then, while the
     * execution has spurious wake-ups left and something else could run, the threads that may wake
     * spuriously. Choosing one of the latter two ends its wait.
     *
     * @param current the thread at a scheduling point, which is a candidate although it has no continuation
     */
    private ControlledThread decide(ControlledThread current) {
        int count = 0;
        long earliest = VirtualTime.NO_DEADLINE;
        for (int i = 0, n = threads.size(); i < n; i++) {
            ControlledThread thread = threads.get(i);
            boolean ready = thread == current || thread.continuation != null;
            if (ready && thread.isPendingEnabled()) {
                count = addCandidate(count, thread, RUNS);
            } else if (isWakeableNow(thread, current, false)) {
                earliest = Math.min(earliest, thread.deadline);
            }
        }
        if (earliest != VirtualTime.NO_DEADLINE) {
            // With nothing else to run, time jumps to the earliest deadline. While other threads could run,
            // a timeout may expire first only if it is due within maxStall: the machine stalled that long.
            long due = Math.max(time.now(), earliest);
            boolean stalling = count > 0;
            for (int i = 0, n = threads.size(); i < n; i++) {
                ControlledThread thread = threads.get(i);
                if (thread.deadline <= due && (!stalling || thread.deadline - time.now() <= maxStallNanos)
                        && isWakeableNow(thread, current, false)) {
                    count = addCandidate(count, thread, TIMES_OUT);
                }
            }
        }
        if (spuriousWakeupsLeft > 0 && count > 0) {
            int before = count;
            for (int i = 0, n = threads.size(); i < n; i++) {
                ControlledThread thread = threads.get(i);
                if (isWakeableNow(thread, current, true) && !isCandidate(thread, before)) {
                    count = addCandidate(count, thread, WAKES_SPURIOUSLY);
                }
            }
        }
        if (count == 0) {
            return null;
        }
        if (!withinBounds(current)) {
            return null;
        }
        int position = count == 1 ? 0 : choose(Choice.Decision.NEXT_THREAD, count);
        if (position < 0) {
            return null;
        }
        ControlledThread chosen = enabled[position];
        if (observed) {
            view.reset(Choice.Decision.NEXT_THREAD, enabled, how, count, previousThreadId, log.decisions(), steps - 1,
                    pinnedSteps);
            strategy.stepTaken(view, position);
        }
        switch (how[position]) {
            case TIMES_OUT -> {
                time.advanceTo(chosen.deadline);
                wake(chosen, Wake.TIMEOUT);
            }
            case WAKES_SPURIOUSLY -> {
                spuriousWakeupsLeft--;
                wake(chosen, Wake.SPURIOUS);
            }
            default -> {
            }
        }
        log.recordStep(steps, chosen);
        previousThreadId = chosen.id;
        return chosen;
    }

    private static boolean isWakeableNow(ControlledThread thread, ControlledThread current, boolean spurious) {
        boolean ready = thread == current || thread.continuation != null;
        return thread.isWakeable(spurious) && (ready || thread.pending == Pending.IN_JDK);
    }

    private boolean isCandidate(ControlledThread thread, int count) {
        for (int i = 0; i < count; i++) {
            if (enabled[i] == thread) {
                return true;
            }
        }
        return false;
    }

    private int addCandidate(int count, ControlledThread thread, byte way) {
        if (count == enabled.length) {
            enabled = Arrays.copyOf(enabled, count * 2);
            how = Arrays.copyOf(how, count * 2);
        }
        enabled[count] = thread;
        how[count] = way;
        return count + 1;
    }

    /**
     * Asks the strategy to pick among the first {@code count} candidates; records and returns the
     * position, or -1 when the execution ends here ({@link #failure} says why).
     */
    private int choose(Choice.Decision kind, int count) {
        view.reset(kind, enabled, how, count, previousThreadId, log.decisions(), steps - 1, pinnedSteps);
        int position;
        try {
            position = strategy.choose(view);
        } catch (ReplayDivergedException diverged) {
            failure = new Outcome.ReplayDiverged(log.decisions() + 1, diverged.getMessage());
            return -1;
        }
        if (position == Strategy.ABANDON) {
            failure = new Outcome.Abandoned(log.decisions());
            return -1;
        }
        if (position < 0 || position >= count) {
            throw new IllegalStateException("strategy " + strategy.getClass().getSimpleName()
                    + " chose position " + position + " of " + count + " enabled threads");
        }
        log.recordChoice(enabled[position].id);
        return position;
    }

    /** Ends the wait of {@code thread}, which the strategy chose to time out or to wake spuriously. */
    private void wake(ControlledThread thread, Wake reason) {
        if (thread.pending == Pending.IN_JDK) {
            schedulerWaking = true;
            try {
                thread.wakeBlockingCall(reason); // its continuation comes back to the Handoff at once, on this carrier
            } finally {
                schedulerWaking = false;
            }
        } else {
            thread.wake = reason;
        }
    }

    /**
     * Lets the strategy choose which of {@code waiters} (at least two) a {@code notify} wakes; the
     * choice is recorded like any other, so a replay wakes the same one.
     */
    ControlledThread chooseWaiter(java.util.ArrayDeque<ControlledThread> waiters) {
        int count = 0;
        for (ControlledThread waiter : waiters) {
            count = addCandidate(count, waiter, RUNS);
        }
        if (count == 1) {
            return enabled[0];
        }
        int position = choose(Choice.Decision.NOTIFY_WAITER, count);
        if (position < 0) {
            throw ExecutionAborted.INSTANCE;
        }
        return enabled[position];
    }

    private boolean withinBounds(ControlledThread current) {
        time.step();
        if (++steps > maxSteps) {
            failure = log.stepLimitExceeded(maxSteps, steps, id -> threads.get(id).label());
            return false;
        }
        if ((steps & 63) == 0 && System.nanoTime() - deadline > 0) {
            failure = current == null
                    ? new Outcome.TimedOut(timeout, "none", List.of())
                    : new Outcome.TimedOut(timeout, current.label(), UserFrames.of(Thread.currentThread().getStackTrace()));
            return false;
        }
        return true;
    }

    // ---- called by controlled threads, on the carrier ----

    /**
     * The scheduling point of {@code thread}, whose pending operation is set: returns when the
     * strategy has let that operation go ahead, possibly after other threads ran.
     */
    void schedulingPoint(ControlledThread thread) {
        if (aborting || failure != null) {
            throw ExecutionAborted.INSTANCE;
        }
        if (thread.staticInitializerDepth > 0) {
            pinnedStep(thread);
            return;
        }
        ControlledThread chosen = decide(thread);
        if (failure != null) {
            throw ExecutionAborted.INSTANCE;
        }
        if (chosen == thread) {
            return;
        }
        next = chosen; // null when nothing can run: the loop then tells a deadlock from an outside wake-up
        suspend(thread);
        if (aborting || failure != null) {
            throw ExecutionAborted.INSTANCE;
        }
    }

    /** A thread inside a static initialiser cannot unmount, so it runs on alone if it can. */
    private void pinnedStep(ControlledThread thread) {
        if (!thread.isPendingEnabled()) {
            failure = new Outcome.CannotContinue("thread " + thread.label() + " must wait ("
                    + thread.describePending(log.labels()) + ") inside a static initialiser, where it cannot be"
                    + " switched out; move the blocking call out of the static initialiser");
            throw ExecutionAborted.INSTANCE;
        }
        if (withinBounds(thread)) {
            pinnedSteps++;
            log.recordStep(steps, thread);
            previousThreadId = thread.id;
        } else {
            throw ExecutionAborted.INSTANCE;
        }
    }

    private void suspend(ControlledThread thread) {
        int switchesBefore = switches;
        thread.atHook = true;
        Thread.yield(); // hands the continuation to the Handoff; the loop resumes it when it is chosen
        thread.atHook = false;
        if (switches == switchesBefore && !aborting) {
            next = null;
            failure = new Outcome.CannotContinue("thread " + thread.label() + " could not be switched out at "
                    + SyncSites.get(thread.pendingSite).location() + " because it is pinned to its carrier"
                    + " (a native frame is on its stack)");
            throw ExecutionAborted.INSTANCE;
        }
    }

    ControlledThread newThread(String name, Thread identity, TestBody code) {
        ControlledThread thread = new ControlledThread(this, name);
        // The thread's scheduler: every continuation the JDK hands back goes to this execution's Handoff.
        thread.vthread = VirtualThreads.newThread(task -> handoff.submit(thread, task), name, () -> thread.runBody(code));
        thread.identity = identity != null ? identity : thread.vthread;
        if (identity != null) {
            VirtualThreads.inheritFrom(identity, thread.vthread);
        }
        // Daemon status as user code set it: a thread user code constructed took its creator's flag in
        // threadCreated (the virtual thread racetest runs it on is always a daemon); the test body is not one.
        thread.daemon = identity != null && identity.isDaemon();
        return thread;
    }

    /** Makes {@code thread} part of the execution: called when it starts. */
    void register(ControlledThread thread) {
        thread.id = threads.size();
        threads.add(thread);
        byIdentity.put(thread.identity, thread);
        if (!thread.daemon) {
            liveNonDaemon++;
        }
        if (races != null) {
            races.registered(thread);
        }
    }

    ControlledThread thread(int id) {
        return threads.get(id);
    }

    /** A continuation came back on the carrier: while another thread ran, that is a happens-before edge. */
    void continuationArrived(ControlledThread thread) {
        if (races != null && !aborting) {
            races.woke(schedulerWaking ? null : running, thread);
        }
    }

    /** The race detector found a race and races fail: the execution ends here. */
    void raceFound(Outcome.DataRace race) {
        if (failure == null && !aborting) {
            failure = race;
        }
    }

    void startThread(Thread userThread) {
        Runnable task = userThread.isVirtual() ? VirtualThreadTasks.take(userThread) : userThread::run;
        if (task == null) {
            // A virtual thread created in uninstrumented code: its task is out of reach, so it runs as the
            // JDK would, and if it runs instrumented code the execution reports it as not controlled.
            userThread.start();
            return;
        }
        ControlledThread thread = newThread(deterministicName(userThread), userThread, task::run);
        register(thread);
        thread.vthread.start(); // the JDK submits its first continuation to us synchronously
    }

    /**
     * Returns a thread the JDK may start itself (a pool's worker): it joins the execution when its
     * first continuation arrives, and runs {@code userThread.run()} known as {@code userThread}.
     */
    Thread adoptThread(Thread userThread, ControlledThread creator) {
        ControlledThread adopted = newThread(deterministicName(userThread), userThread, userThread::run);
        if (races != null) {
            races.adopted(creator, adopted);
        }
        return adopted.vthread;
    }

    /**
     * Gives a thread user code just constructed on {@code creator} the daemon status the JDK would have
     * given it, had {@code creator} been the thread user code knows (the test body stands for the
     * non-daemon thread JUnit runs tests on), and its deterministic default name.
     */
    void threadCreated(Thread thread, ControlledThread creator) {
        if (!identities.firstSight(thread)) {
            return; // a constructor chain reports once per constructor; the first, innermost, counts
        }
        if (!thread.isVirtual()) {
            thread.setDaemon(creator.identity != creator.vthread && creator.identity.isDaemon());
        }
        deterministicName(thread);
    }

    private String deterministicName(Thread userThread) {
        if (!identities.renames(userThread)) {
            return userThread.getName();
        }
        String name = identities.deterministicName(userThread.getName());
        if (!name.equals(userThread.getName())) {
            userThread.setName(name);
        }
        return name;
    }

    VirtualTime time() {
        return time;
    }

    Identities identities() {
        return identities;
    }

    ControlledThread controlledThreadOf(Thread thread) {
        return byIdentity.get(thread);
    }

    Monitor monitor(Object object) {
        Monitor monitor = monitors.get(object);
        if (monitor == null) {
            monitor = new Monitor(object);
            monitors.put(object, monitor);
        }
        return monitor;
    }

    HeldLocks heldLocks() {
        return heldLocks;
    }

    Monitor existingMonitor(Object object) {
        return monitors.get(object);
    }

    boolean isAborting() {
        return aborting;
    }

    void threadFailed(ControlledThread thread, Throwable error) {
        if (failure == null && !aborting) {
            failure = new Outcome.ThreadFailed(thread.id, thread.name, error);
        }
    }

    void threadTerminated(ControlledThread thread) {
        if (!thread.daemon && !thread.terminated) {
            liveNonDaemon--;
        }
        thread.terminated = true;
        thread.pending = Pending.NONE;
        thread.pendingSite = -1;
    }

    // ---- endings ----

    private boolean allTerminated() {
        for (int i = 0, n = threads.size(); i < n; i++) {
            if (!threads.get(i).terminated) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits, when no thread is enabled, for a thread parked inside the JDK to be handed back from
     * outside: until the deadline when one waits on a real timer or monitor (or has just been released
     * from one), for a short grace when one
     * is parked untimed (only an uncontrolled thread could unpark it). Returns {@code false} at once
     * when every thread waits in racetest's own model, since nothing outside can wake those.
     */
    private boolean awaitOutsideWakeup() {
        boolean timer = false;
        boolean parked = false;
        for (ControlledThread thread : threads) {
            if (!thread.terminated && thread.pending == Pending.IN_JDK) {
                Thread.State state = thread.vthread.getState();
                // RUNNABLE: released from a monitor (or yielding) and about to be handed back, which the
                // JDK does from its own unblocker thread, a moment after the holder let go.
                timer |= state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED
                        || state == Thread.State.RUNNABLE;
                parked |= state == Thread.State.WAITING;
            }
        }
        if (!timer && !parked) {
            return false; // every thread waits in racetest's own model: nothing outside can wake it
        }
        // A real timer or monitor will hand a thread back by itself; an untimed park only if a thread
        // racetest does not control unparks it, which is worth a short grace before saying deadlock.
        long limit = timer ? deadline : Math.min(deadline, System.nanoTime() + JDK_PARK_GRACE_NANOS);
        while (!handoff.hasForeign()) {
            if (EscapedThreads.INSTANCE.since(escapeMark) != null && !timer) {
                return false; // run() reports the escape, which explains the standstill
            }
            long remaining = limit - System.nanoTime();
            if (remaining <= 0) {
                if (timer) {
                    failure = new Outcome.TimedOut(timeout, "none (all threads wait inside the JDK)", List.of());
                }
                return false;
            }
            handoff.awaitForeign(Math.min(remaining, OUTSIDE_WAKEUP_POLL_NANOS));
        }
        return true;
    }

    /**
     * Says why nothing can run: a deadlock, or, when the test body has returned and no lock cycle
     * explains the standstill, threads it left behind that can never end.
     */
    private Outcome standstill() {
        Outcome.Deadlock deadlock = deadlock();
        if (threads.getFirst().terminated && deadlock.cycle().isEmpty()) {
            return new Outcome.LeakedThreads(deadlock.threads());
        }
        return deadlock;
    }

    /**
     * Returns {@code outcome}, or {@code null} (the execution passes) when it is a leak and leaks only warn,
     * keeping the warning, or are off; the leaked threads are torn down either way.
     */
    private Outcome unlessToleratedLeak(Outcome outcome) {
        if (!(outcome instanceof Outcome.LeakedThreads leaked) || leaks == LeakMode.FAIL) {
            return outcome;
        }
        if (leaks == LeakMode.WARN) {
            leakWarning = leaked;
        }
        return null;
    }

    private Outcome.Deadlock deadlock() {
        List<BlockedThread> blocked = new ArrayList<>();
        for (ControlledThread thread : threads) {
            if (!thread.terminated) {
                blocked.add(DeadlockDescriber.describe(thread, monitors.values(), heldLocks, log.labels()));
            }
        }
        return new Outcome.Deadlock(blocked, LockCycle.find(threads, heldLocks));
    }

    /**
     * Unwinds every thread that has not ended, so no virtual thread outlives its execution: resumed at
     * its scheduling point it throws {@link ExecutionAborted}; parked inside the JDK it is interrupted.
     * A thread that still cannot end (parked uninterruptibly on a lock nobody will release) is left.
     */
    private void abortRemaining() {
        aborting = true;
        next = null;
        for (int round = 0; round < 1_000; round++) {
            handoff.drainForeign();
            boolean ran = false;
            for (int i = 0; i < threads.size(); i++) {
                ControlledThread thread = threads.get(i);
                if (!thread.terminated && thread.continuation != null) {
                    runSlice(thread);
                    ran = true;
                }
            }
            if (!ran && !interruptParkedThreads()) {
                break;
            }
        }
        handoff.close();
    }

    private boolean interruptParkedThreads() {
        boolean any = false;
        for (ControlledThread thread : threads) {
            if (!thread.terminated && thread.pending == Pending.IN_JDK && !thread.vthread.isInterrupted()) {
                thread.vthread.interrupt();
                any = true;
            }
        }
        return any;
    }
}
