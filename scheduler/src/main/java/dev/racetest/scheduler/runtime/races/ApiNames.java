package dev.racetest.scheduler.runtime.races;

import dev.racetest.instrument.hooks.SyncSites;

import java.lang.reflect.Modifier;
import java.nio.MappedByteBuffer;

/** How a race report names an object accessed through its API, and the calls at its access sites. */
public final class ApiNames {

    private ApiNames() {
    }

    /**
     * {@code HashMap#1}: the object's class, by its public name ({@code ByteBuffer} for a {@code
     * HeapByteBuffer}; also for a direct buffer, whose class extends {@code MappedByteBuffer} whether a file
     * is mapped or not), and its number in the execution.
     */
    public static String object(Object owner, int number) {
        Class<?> type = owner.getClass();
        while (!Modifier.isPublic(type.getModifiers()) || type == MappedByteBuffer.class) {
            type = type.getSuperclass();
        }
        return type.getSimpleName() + "#" + number;
    }

    /** {@code (put)} when both calls have one name, {@code (Iterator.next / add)} otherwise. */
    public static String calls(Conflict conflict) {
        String earlier = method(conflict.earlierSite());
        String later = method(conflict.laterSite());
        return "(" + (earlier.equals(later) ? later : earlier + " / " + later) + ")";
    }

    /**
     * The method's name ({@code put} for {@code Map.put} or {@code HashMap.put}), or, for a call on an
     * iterator or a map's entry, which is a view of the object, with that type ({@code Iterator.next}).
     */
    static String method(int site) {
        String target = SyncSites.get(site).target();
        int dot = target.lastIndexOf('.');
        String owner = target.substring(0, dot);
        return owner.equals("Iterator") || owner.equals("ListIterator") || owner.endsWith("Entry")
                || owner.equals("Enumeration") ? target.replace('$', '.') : target.substring(dot + 1);
    }
}
