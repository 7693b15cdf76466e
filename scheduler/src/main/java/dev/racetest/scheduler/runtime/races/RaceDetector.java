package dev.racetest.scheduler.runtime.races;

import dev.racetest.instrument.hooks.SyncSite;
import dev.racetest.instrument.hooks.SyncSites;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A happens-before data-race detector after FastTrack (Flanagan and Freund, PLDI 2009), for one
 * execution.
 *
 * <p>Every thread carries a {@link VectorClock}; synchronisation moves knowledge between clocks (the
 * runtime calls {@link #acquire} and {@link #release} for thread start and join, monitors and the
 * JDK's synchronisation, and this class does volatile fields and atomics itself). Each plain
 * location keeps its last write as an epoch and its reads as an epoch or, once concurrent, one tick
 * per thread ({@link Shadow}); an access that the previous conflicting one does not happen-before is
 * a race. The same thread re-accessing a location within one epoch costs one comparison.
 *
 * <p>Locations are keyed by object identity and field number ({@link FieldKeys}), by array identity
 * and index, and static fields by field number alone. Confined to the execution's carrier: the
 * threads it watches run one at a time, so nothing here is synchronised.
 */
public final class RaceDetector {

    /** The location key under which an atomic object keeps its release clock. */
    private static final int WHOLE_OBJECT = -1;
    /**
     * The location key of a JDK object's state that calls on it read and write ({@link #api}): its fields
     * are never instrumented, so no field number can collide with it.
     */
    private static final int API_STATE = -2;

    private final Set<String> benignFields;
    private final boolean captureStacks;
    private final IdentityHashMap<Object, LocationTable> objects = new IdentityHashMap<>();
    private final LocationTable statics = new LocationTable();
    private final VectorClock jdk = new VectorClock();
    /** Native memory behind direct and mapped buffers, by page of {@code 1 << NATIVE_PAGE_BITS} bytes. */
    private final HashMap<Long, LocationTable> nativePages = new HashMap<>();
    private static final int NATIVE_PAGE_BITS = 12;
    private static final long NATIVE_PAGE_MASK = (1L << NATIVE_PAGE_BITS) - 1;
    /** How many objects have been accessed through their API so far: their numbers in reports. */
    private int apiObjects;
    /** The last object looked up: consecutive accesses to one object skip the identity map. */
    private Object lastObject;
    private LocationTable lastTable;

    /**
     * @param benignFields  fields ({@code com.acme.Type.field}) whose races are not reported
     * @param captureStacks whether to keep the stack of every access, so that a race can show where the
     *                      earlier access came from; costly, so only while a failure is replayed
     */
    public RaceDetector(Set<String> benignFields, boolean captureStacks) {
        this.benignFields = benignFields;
        this.captureStacks = captureStacks;
    }

    /** The clock of the JDK's own synchronisation, which racetest sees only at call sites. */
    public VectorClock jdk() {
        return jdk;
    }

    /** The acquire half of an edge: {@code thread} now knows whatever {@code from} was released with. */
    public static void acquire(VectorClock thread, VectorClock from) {
        if (from != null) {
            thread.join(from);
        }
    }

    /** The release half of an edge: {@code into} learns all {@code thread} did so far; its next steps are new. */
    public static void release(int threadId, VectorClock thread, VectorClock into) {
        into.join(thread);
        thread.tick(threadId);
    }

    /**
     * An operation on a {@code java.util.concurrent.atomic} object: each one is a volatile read and
     * write of the whole object, so it acquires what earlier operations on the object released and
     * releases in turn.
     */
    public void atomic(int threadId, VectorClock thread, Object atomic) {
        Shadow shadow = table(atomic).get(WHOLE_OBJECT);
        if (shadow.sync == null) {
            shadow.sync = new VectorClock();
        }
        thread.join(shadow.sync);
        release(threadId, thread, shadow.sync);
    }

    /**
     * A field access about to happen: a volatile one is an acquire (read) or an acquire and release
     * (write); a plain
     * one is checked. Returns the race it completes, or {@code null}.
     *
     * @param owner the object, or {@code null} for a static field
     */
    public Conflict field(int threadId, VectorClock thread, Object owner, int site, boolean write) {
        int key = FieldKeys.of(site);
        if ((key & FieldKeys.UNCHECKED) != 0) {
            return null;
        }
        Shadow shadow = (owner == null ? statics : table(owner)).get(FieldKeys.number(key));
        if ((key & FieldKeys.VOLATILE) != 0) {
            if (write) {
                if (shadow.sync == null) {
                    shadow.sync = new VectorClock();
                }
                // Also an acquire: a compare-and-set through a VarHandle arrives here as a volatile write,
                // and must see what the last release of the field published. For a plain volatile write
                // this orders it after earlier volatile writes, an edge the memory model does not give:
                // fewer races found, never a false one.
                thread.join(shadow.sync);
                release(threadId, thread, shadow.sync);
            } else {
                acquire(thread, shadow.sync);
            }
            return null;
        }
        Conflict conflict = check(shadow, threadId, thread, site, write);
        if (conflict == null || isBenign(site)) {
            return null;
        }
        return conflict.named(SyncSites.get(site).target());
    }

    /**
     * A call on an object of a JDK class that is not thread-safe, about to happen: a read or write of the
     * object's whole state, checked like a plain field. The race is named after the object's class, its
     * number in order of first such call in the execution, and the methods of the two calls:
     * {@code HashMap#1 (put)}, {@code ArrayList#2 (Iterator.next / add)}.
     */
    public Conflict api(int threadId, VectorClock thread, Object owner, int site, boolean write) {
        LocationTable table = table(owner);
        if (table.apiNumber == 0) {
            table.apiNumber = ++apiObjects;
        }
        Conflict conflict = check(table.get(API_STATE), threadId, thread, site, write);
        if (conflict == null) {
            return null;
        }
        return conflict.named(ApiNames.object(owner, table.apiNumber) + " " + ApiNames.calls(conflict));
    }

    /** The number of an object accessed through its API ({@link #api}) in this execution. */
    public int apiNumber(Object owner) {
        return table(owner).apiNumber;
    }

    /**
     * {@code length} bytes of memory behind a buffer about to be read or written, from byte offset {@code
     * address} into the array {@code heapBase}, or from the native address {@code address} when it is
     * {@code null}; each location checked like a plain field. An array's locations are its elements, the
     * same ones plain {@code array[i]} accesses use ({@link #element}), so a buffer wrapping an array races
     * with code using the array. Returns the first race, unnamed ({@link Conflict#named}), or {@code null}.
     */
    public Conflict memory(int threadId, VectorClock thread, Object heapBase, long address, long length, int site,
                           boolean write) {
        Conflict first = null;
        if (heapBase != null) {
            int unit = elementSize(heapBase.getClass().getComponentType());
            LocationTable table = table(heapBase);
            for (long element = address / unit, last = (address + length - 1) / unit; element <= last; element++) {
                Conflict conflict = check(table.get((int) element), threadId, thread, site, write);
                first = first == null ? conflict : first;
            }
            return first;
        }
        long page = -1;
        LocationTable table = null;
        for (long byteAddress = address, end = address + length; byteAddress < end; byteAddress++) {
            if (byteAddress >>> NATIVE_PAGE_BITS != page) {
                page = byteAddress >>> NATIVE_PAGE_BITS;
                table = nativePages.computeIfAbsent(page, ignored -> new LocationTable());
            }
            Conflict conflict = check(table.get((int) (byteAddress & NATIVE_PAGE_MASK)), threadId, thread, site, write);
            first = first == null ? conflict : first;
        }
        return first;
    }

    private static int elementSize(Class<?> component) {
        if (component == long.class || component == double.class) {
            return 8;
        }
        if (component == int.class || component == float.class) {
            return 4;
        }
        return component == char.class || component == short.class ? 2 : 1;
    }

    /** An array element access about to happen, checked like a plain field. */
    public Conflict element(int threadId, VectorClock thread, Object array, int index, int site, boolean write) {
        Conflict conflict = check(table(array).get(index), threadId, thread, site, write);
        return conflict == null ? null : conflict.named(typeName(array.getClass()) + " element " + index);
    }

    private static String typeName(Class<?> type) {
        if (type.isArray()) {
            return typeName(type.getComponentType()) + "[]";
        }
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private boolean isBenign(int site) {
        SyncSite described = SyncSites.get(site);
        return described.benignRace() || described.field() != null && benignFields.contains(described.field());
    }

    private LocationTable table(Object object) {
        if (object == lastObject) {
            return lastTable;
        }
        LocationTable table = objects.get(object);
        if (table == null) {
            table = new LocationTable();
            objects.put(object, table);
        }
        lastObject = object;
        lastTable = table;
        return table;
    }

    /**
     * FastTrack's read and write rules, which also record this access; returns the first earlier access
     * it races with. A race does not stop the bookkeeping, so that in warn mode (or on a benign field)
     * the execution goes on with consistent shadows.
     */
    private Conflict check(Shadow shadow, int threadId, VectorClock thread, int site, boolean write) {
        int tick = thread.get(threadId);
        long now = Epoch.of(threadId, tick);
        return write ? write(shadow, threadId, thread, now, site) : read(shadow, threadId, thread, tick, now, site);
    }

    private Conflict read(Shadow shadow, int threadId, VectorClock thread, int tick, long now, int site) {
        if (shadow.sharedReads == null ? shadow.read == now
                : threadId < shadow.sharedReads.length && shadow.sharedReads[threadId] == tick) {
            return null; // read already in this epoch
        }
        Conflict conflict = null;
        if (!Epoch.happensBefore(shadow.write, thread)) {
            conflict = conflict(shadow.write, true, shadow.writeSite, shadow.writeStack, false, site);
        }
        StackTraceElement[] stack = stack();
        if (shadow.sharedReads != null) {
            shadow.sharedRead(threadId, tick, site, stack);
        } else if (Epoch.happensBefore(shadow.read, thread)) {
            shadow.read = now; // reads stay totally ordered
            shadow.readSite = site;
            shadow.readStack = stack;
        } else {
            shadow.shareReads();
            shadow.sharedRead(threadId, tick, site, stack);
        }
        return conflict;
    }

    private Conflict write(Shadow shadow, int threadId, VectorClock thread, long now, int site) {
        if (shadow.write == now) {
            return null; // written already in this epoch
        }
        Conflict conflict = null;
        if (!Epoch.happensBefore(shadow.write, thread)) {
            conflict = conflict(shadow.write, true, shadow.writeSite, shadow.writeStack, true, site);
        } else if (shadow.sharedReads == null) {
            if (!Epoch.happensBefore(shadow.read, thread)) {
                conflict = conflict(shadow.read, false, shadow.readSite, shadow.readStack, true, site);
            }
        } else {
            int[] reads = shadow.sharedReads;
            for (int reader = 0; reader < reads.length; reader++) {
                if (reads[reader] > thread.get(reader)) {
                    conflict = conflict(Epoch.of(reader, reads[reader]), false, shadow.sharedReadSites[reader],
                            shadow.sharedReadStacks[reader], true, site);
                    break;
                }
            }
        }
        if (conflict == null) {
            shadow.clearReads(); // every read happens-before this write, so later accesses need not see them
        }
        shadow.write = now;
        shadow.writeSite = site;
        shadow.writeStack = stack();
        return conflict;
    }

    private StackTraceElement[] stack() {
        return captureStacks ? Thread.currentThread().getStackTrace() : null;
    }

    private Conflict conflict(long earlier, boolean earlierWrite, int earlierSite, StackTraceElement[] earlierStack,
                              boolean laterWrite, int laterSite) {
        return new Conflict(null, Epoch.thread(earlier), earlierWrite, earlierSite, earlierStack, laterWrite, laterSite);
    }
}
