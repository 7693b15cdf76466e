package dev.racetest.instrument.hooks;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;

/**
 * What a receiver's class is to API-level race detection, decided once per class ({@link ClassValue}).
 *
 * <p>The tracked classes are the JDK's classes that are not thread-safe and keep state a call reads or
 * writes: the {@code java.util} collections ({@code HashMap}, {@code ArrayList}, {@code ArrayDeque}...,
 * {@code BitSet}, {@code EnumSet}), {@code StringBuilder}, and the {@code java.text} formats
 * ({@code SimpleDateFormat}, {@code DecimalFormat}..., whose {@code format} and {@code parse} use mutable
 * fields), with their JDK subclasses. Not: the concurrent and synchronized collections (their calls are
 * library calls, scheduling points and barriers), the immutable ones ({@code List.of}, {@code Map.of}),
 * the {@code Collections} wrappers, {@code StringBuffer} (synchronized), {@code ListFormat} (documented
 * immutable and thread-safe).
 *
 * @param kind       {@link #NONE}, {@link #TRACKED}, {@link #SUBCLASS} or {@link #VIEW}
 * @param overridden for {@link #SUBCLASS}: the names of the methods the user's classes declare
 */
record ApiClass(int kind, Set<String> overridden) {

    /** Not tracked: calls on it are nobody's business here. */
    static final int NONE = 0;
    /** A tracked JDK class: each call is a read or write of the receiver. */
    static final int TRACKED = 1;
    /**
     * A user's class extending a tracked one. A call counts when the method it names is not declared by the
     * user's classes (by name, whatever the parameters: an override runs instrumented code, and reaches the
     * JDK's state through {@code super} calls, which count). So a subclass that synchronises its overrides
     * is not reported, and one that inherits {@code get} still is.
     */
    static final int SUBCLASS = 2;
    /**
     * A JDK class that may be a view of a tracked object or iterate over one ({@code HashMap$KeySet},
     * {@code ArrayList$Itr}, {@code ArrayList$SubList}, {@code HashMap$Node}...): calls count as calls on
     * the object behind it, when the scheduler saw the view come out of one.
     */
    static final int VIEW = 3;

    private static final ApiClass NOT_TRACKED = new ApiClass(NONE, Set.of());
    private static final ApiClass JDK_TRACKED = new ApiClass(TRACKED, Set.of());
    private static final ApiClass JDK_VIEW = new ApiClass(VIEW, Set.of());

    private static final Set<String> TRACKED_NAMES = Set.of("java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque", "java.util.PriorityQueue",
            "java.util.IdentityHashMap", "java.util.WeakHashMap", "java.util.EnumMap", "java.util.BitSet",
            "java.util.EnumSet", "java.lang.StringBuilder");
    private static final String TEXT_FORMAT = "java.text.Format";
    private static final String THREAD_SAFE_FORMAT = "java.text.ListFormat";

    private static final ClassValue<ApiClass> BY_CLASS = new ClassValue<>() {
        @Override
        protected ApiClass computeValue(Class<?> type) {
            return classify(type);
        }
    };

    /** The kind of {@code type}. */
    static ApiClass of(Class<?> type) {
        return BY_CLASS.get(type);
    }

    /** Whether a call of {@code method} on a receiver of this kind counts as an access. */
    boolean counts(String method) {
        return kind == TRACKED || kind == VIEW || kind == SUBCLASS && !overridden.contains(method);
    }

    private static ApiClass classify(Class<?> type) {
        if (LibraryHooks.isConcurrent(type)) {
            return NOT_TRACKED;
        }
        Set<String> userMethods = new HashSet<>();
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            if (!JdkMethod.isJdkClass(current)) {
                try {
                    for (Method method : current.getDeclaredMethods()) {
                        userMethods.add(method.getName());
                    }
                } catch (LinkageError unresolvable) {
                    return NOT_TRACKED; // a user class whose signatures name a missing class
                }
            } else if (isTracked(current)) {
                // A JDK class below a tracked one (RegularEnumSet, DecimalFormat) runs only the JDK's code.
                return JdkMethod.isJdkClass(type) ? JDK_TRACKED : new ApiClass(SUBCLASS, Set.copyOf(userMethods));
            }
        }
        return JdkMethod.isJdkClass(type) && isViewCandidate(type) ? JDK_VIEW : NOT_TRACKED;
    }

    private static boolean isTracked(Class<?> jdkClass) {
        String name = jdkClass.getName();
        if (TRACKED_NAMES.contains(name)) {
            return true;
        }
        if (name.equals(THREAD_SAFE_FORMAT)) {
            return false;
        }
        Class<?> superclass = jdkClass.getSuperclass();
        return superclass != null && superclass.getName().equals(TEXT_FORMAT);
    }

    /**
     * A nested class of {@code java.util} that is a collection, map, iterator or entry, and not one of the
     * immutable or wrapping kinds.
     */
    private static boolean isViewCandidate(Class<?> type) {
        String name = type.getName();
        if (!name.startsWith("java.util.") || name.indexOf('.', "java.util.".length()) >= 0
                || name.indexOf('$') < 0 || name.startsWith("java.util.Collections$")
                || name.startsWith("java.util.ImmutableCollections$") || name.contains("Immutable")
                || name.contains("Unmodifiable")) {
            return false;
        }
        return Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || Iterator.class.isAssignableFrom(type) || Map.Entry.class.isAssignableFrom(type)
                || Enumeration.class.isAssignableFrom(type) || Spliterator.class.isAssignableFrom(type);
    }
}
