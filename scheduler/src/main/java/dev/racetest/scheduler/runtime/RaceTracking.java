package dev.racetest.scheduler.runtime;

import dev.racetest.instrument.hooks.SyncSites;
import dev.racetest.scheduler.Outcome;
import dev.racetest.scheduler.RaceAccess;
import dev.racetest.scheduler.RaceDetection;
import dev.racetest.scheduler.RaceMode;
import dev.racetest.scheduler.runtime.races.ApiMethods;
import dev.racetest.scheduler.runtime.races.ApiNames;
import dev.racetest.scheduler.runtime.races.Conflict;
import dev.racetest.scheduler.runtime.races.RaceDetector;
import dev.racetest.scheduler.runtime.races.VectorClock;

import java.nio.Buffer;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Ties the {@link RaceDetector} to one execution: gives every controlled thread its vector clock,
 * turns the runtime's events into happens-before edges, and a race into an outcome.
 *
 * <p>The edges: thread start (parent to child, also for a pool worker the JDK starts, from the thread
 * that made it) and join (the ended thread to whoever sees it ended by {@code join}, {@code isAlive}
 * or {@code getState}); a monitor's release to its next acquisition, {@code wait} included; volatile
 * writes to later reads of the same field and each atomic object's operations to its later ones (in
 * the detector). Everything else racetest cannot see into, the JDK's internal synchronisation, is
 * one clock, {@link RaceDetector#jdk()}, standing for all of it, together with the current clocks of
 * all the other threads:
 * <ul>
 *   <li>every call into {@code java.util.concurrent}, {@code LockSupport}, {@code VarHandle}, {@code
 *       Unsafe} and the synchronized collections (a library or blocking call) releases into the JDK
 *       clock and acquires before the call, and acquires again at the thread's next scheduling point,
 *       after the call returned (a {@code take()} returns what a {@code put()} released while it was
 *       parked);</li>
 *   <li>acquiring from the JDK also takes in, and so orders before the acquirer's next steps, all that
 *       every other thread has done so far. Only this covers user code the JDK calls back: a pool worker
 *       runs a task inside JDK code (often entered through a plain {@code Runnable.run()}, which is no
 *       library call), and the JDK completes the task's future after the task's last instrumented step,
 *       where racetest sees nothing. Limiting it to threads seen in the JDK was tried: a
 *       {@code CompletableFuture} pipeline under a lock was then reported as racing;</li>
 *   <li>a thread that hands another thread's continuation back while it runs (an unpark inside the JDK:
 *       a lock released, a queue filled, a future completed, a pool worker started) releases into it,
 *       and the woken thread acquires at its next scheduling point; so do {@code interrupt} and {@code
 *       LockSupport.unpark} seen at their call sites.</li>
 * </ul>
 * Why so coarse: which JDK object a call synchronises with is often unknowable at the call site (a
 * future completed by a pool's worker, a lock's condition, a queue shared by an executor), and a
 * missing edge would be a false alarm. This makes every library call a barrier: it is ordered after
 * everything done before it, which hides a race in the interleavings where such a call falls between
 * the two accesses (in the thread of the second); exploration still meets the interleavings where none
 * does, and a race that a JDK edge would have prevented is never reported.
 *
 * <p>Calls on the JDK's objects that are not thread-safe ({@link #api}, {@link #buffer}) are accesses, not
 * library calls: they neither release nor acquire, so two unordered {@code HashMap.put}s are a race, and
 * they go through the same clocks as fields, so a map handed over by a lock, a join or a queue is not.
 * They are no scheduling points either, but a library call's pending acquire is taken before they are
 * checked, as at a scheduling point. {@code racetest.races.benign} names fields only: a race on such an
 * object corrupts it, so it has no benign form to declare.
 */
final class RaceTracking {

    private final Execution execution;
    private final RaceDetector detector;
    private final boolean failing;
    private final boolean captureStacks;
    private Outcome.DataRace warning;
    /** Views (key sets, iterators, sublists, entries) of tracked objects, each to the object behind it. */
    private final IdentityHashMap<Object, Object> views = new IdentityHashMap<>();

    RaceTracking(Execution execution, RaceDetection settings, boolean captureStacks) {
        this.execution = execution;
        this.detector = new RaceDetector(settings.benignFields(), captureStacks);
        this.failing = settings.mode() == RaceMode.FAIL;
        this.captureStacks = captureStacks;
    }

    /** The first race of the execution, in warn mode. */
    Outcome.DataRace warning() {
        return warning;
    }

    /** A thread joins the execution with its number: its own clock starts at 1. */
    void registered(ControlledThread thread) {
        if (thread.raceClock == null) {
            thread.raceClock = new VectorClock();
        }
        if (thread.raceClock.get(thread.id) == 0) {
            thread.raceClock.set(thread.id, 1);
        }
    }

    void started(ControlledThread parent, ControlledThread child) {
        registered(child);
        RaceDetector.release(parent.id, parent.raceClock, child.raceClock);
    }

    /** A pool worker the JDK will start: it starts knowing what its creator did so far. */
    void adopted(ControlledThread parent, ControlledThread child) {
        child.raceClock = new VectorClock();
        RaceDetector.release(parent.id, parent.raceClock, child.raceClock);
    }

    void joined(ControlledThread joiner, ControlledThread ended) {
        RaceDetector.acquire(joiner.raceClock, ended.raceClock);
    }

    void acquired(ControlledThread thread, Monitor monitor) {
        RaceDetector.acquire(thread.raceClock, monitor.raceClock);
    }

    void released(ControlledThread thread, Monitor monitor) {
        if (monitor.raceClock == null) {
            monitor.raceClock = new VectorClock();
        }
        RaceDetector.release(thread.id, thread.raceClock, monitor.raceClock);
    }

    /**
     * A library or blocking call about to happen: release and acquire now, acquire again after it.
     *
     * <p>{@code StampedLock.tryOptimisticRead} starts an optimistic read: the plain reads that follow
     * race with writers by design, and {@code validate} (the thread's next library call, normally)
     * discards what they saw when a write intervened. Those reads are not checked, since a
     * happens-before detector would report the pattern the JDK documents as correct; writes still are.
     */
    void libraryCall(ControlledThread thread, int site) {
        acquireJdk(thread);
        RaceDetector.release(thread.id, thread.raceClock, detector.jdk());
        thread.jdkAcquirePending = true;
        thread.optimisticReading = SyncSites.get(site).target().equals(OPTIMISTIC_READ);
    }

    private static final String OPTIMISTIC_READ = "StampedLock.tryOptimisticRead";

    /** {@code thread} learns what the JDK was released with, and all that every other thread did so far. */
    void acquireJdk(ControlledThread thread) {
        thread.jdkAcquirePending = false;
        VectorClock clock = thread.raceClock;
        clock.join(detector.jdk());
        for (int i = 0, n = execution.threadCount(); i < n; i++) {
            ControlledThread other = execution.thread(i);
            if (other != thread && other.raceClock != null) {
                RaceDetector.release(other.id, other.raceClock, clock);
            }
        }
    }

    /**
     * {@code woken}'s continuation came back while {@code waker} ran ({@code null}: from outside, or from
     * racetest's own timeout): whatever {@code waker} did so far happens-before what {@code woken} does next.
     */
    void woke(ControlledThread waker, ControlledThread woken) {
        if (waker == woken || woken.pending == Pending.START && woken.id >= 0) {
            return; // a thread yielding at its own scheduling point, or one just started (a fork edge)
        }
        if (waker != null && waker.raceClock != null && waker.id >= 0) {
            RaceDetector.release(waker.id, waker.raceClock, detector.jdk());
        }
        woken.jdkAcquirePending = true;
    }

    void atomic(ControlledThread thread, Object atomic) {
        if (atomic != null) {
            detector.atomic(thread.id, thread.raceClock, atomic);
        }
    }

    void field(ControlledThread thread, Object owner, boolean write, int site) {
        if (thread.optimisticReading && !write) {
            return;
        }
        Conflict conflict = detector.field(thread.id, thread.raceClock, owner, site, write);
        if (conflict != null) {
            found(thread, conflict);
        }
    }

    void element(ControlledThread thread, Object array, int index, boolean write, int site) {
        if (thread.optimisticReading && !write) {
            return;
        }
        Conflict conflict = detector.element(thread.id, thread.raceClock, array, index, site, write);
        if (conflict != null) {
            found(thread, conflict);
        }
    }

    /**
     * A call on an object of a JDK class that is not thread-safe, or on a view of one: a read or write of
     * the whole object ({@link ApiMethods} says which), checked like a field. A view counts as the object
     * it came from, and only once one was seen coming from it.
     */
    void api(ControlledThread thread, Object receiver, boolean view, int site) {
        Object owner = receiver;
        if (view) {
            owner = views.get(receiver);
            if (owner == null) {
                return; // not from a tracked object: an entry made by Map.entry, an iterator of a wrapper...
            }
        }
        if (ApiMethods.isUnchecked(site)) {
            return;
        }
        boolean write = ApiMethods.isWrite(site);
        if (thread.optimisticReading && !write) {
            return;
        }
        Conflict conflict = detector.api(thread.id, thread.raceClock, owner, site, write);
        if (conflict != null) {
            found(thread, conflict);
        }
    }

    /**
     * A call on a {@code java.nio} buffer: a read or write of the buffer's own state, like {@link #api},
     * then of the bytes of memory it touches, if any, located by what is behind them (an array, a native
     * address), so that views over the same memory ({@code duplicate}, {@code slice}, {@code asIntBuffer})
     * race with each other and disjoint ranges do not. A race on memory is named after the buffer of the
     * later access and that access's index range: {@code ByteBuffer#1 [4, 12) (putLong / putInt)}.
     */
    void buffer(ControlledThread thread, Object buffer, boolean stateWrite, Object heapBase, long address,
                long length, boolean write, int site) {
        if (ApiMethods.isUnchecked(site)) {
            return;
        }
        Conflict conflict = detector.api(thread.id, thread.raceClock, buffer, site, stateWrite);
        if (conflict != null) {
            found(thread, conflict);
            return;
        }
        if (length == 0) {
            return;
        }
        conflict = detector.memory(thread.id, thread.raceClock, heapBase, address, length, site, write);
        if (conflict != null) {
            found(thread, conflict.named(ApiNames.object(buffer, detector.apiNumber(buffer)) + " "
                    + BufferRanges.describe((Buffer) buffer, address, length) + " " + ApiNames.calls(conflict)));
        }
    }

    /**
     * {@code view} came out of a call on {@code receiver}: from now on it stands for the object behind
     * {@code receiver}. An element from an iterator ({@code entry}) is the map's own entry, whose {@code
     * setValue} writes the map, only when its class is nested in the map's class or a superclass of it;
     * otherwise it is an element that was stored, which is not part of the collection.
     */
    void view(Object view, Object receiver, boolean receiverIsView, boolean entry) {
        Object owner = receiverIsView ? views.get(receiver) : receiver;
        if (owner == null) {
            return; // a view that did not come out of a tracked object itself
        }
        if (entry && !view.getClass().getNestHost().isAssignableFrom(owner.getClass())) {
            return;
        }
        views.put(view, owner);
    }

    /** The user's frames of an access, without racetest's engine and substitutes, which only run them. */
    private static List<StackTraceElement> userFrames(StackTraceElement[] stack) {
        return UserFrames.of(stack).stream()
                .filter(frame -> !frame.getClassName().startsWith("dev.racetest.engine.")
                        && !UserFrames.isSubstitute(frame.getClassName()))
                .toList();
    }

    /** Fails the execution at the racing access, or keeps the first race as a warning. */
    private void found(ControlledThread thread, Conflict conflict) {
        if (!failing && warning != null) {
            return;
        }
        ControlledThread earlierThread = execution.thread(conflict.earlierThread());
        RaceAccess earlier = new RaceAccess(earlierThread.id, earlierThread.name, conflict.earlierWrite(),
                SyncSites.get(conflict.earlierSite()).location(),
                conflict.earlierStack() == null ? List.of() : userFrames(conflict.earlierStack()));
        // Stacks only while a failure is replayed for its report: a stack walk costs more than a whole
        // small execution, and every failing schedule is replayed before it is reported.
        RaceAccess later = new RaceAccess(thread.id, thread.name, conflict.laterWrite(),
                SyncSites.get(conflict.laterSite()).location(),
                captureStacks ? userFrames(Thread.currentThread().getStackTrace()) : List.of());
        Outcome.DataRace race = new Outcome.DataRace(conflict.variable(), earlier, later);
        if (failing) {
            execution.raceFound(race);
            throw ExecutionAborted.INSTANCE;
        }
        warning = race;
    }
}
