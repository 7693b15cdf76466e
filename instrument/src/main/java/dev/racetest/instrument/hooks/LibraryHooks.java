package dev.racetest.instrument.hooks;

import java.util.List;

/**
 * Give rewritten code a preemption point before each call into the JDK's concurrency library.
 *
 * <p>A call into {@code java.util.concurrent} runs inside the JDK as one atomic step, so the only place
 * another thread can be scheduled around it is just before it. Some calls only sometimes reach the
 * library: a {@code Map.put} is a concurrent step on a {@code ConcurrentHashMap} but not on a
 * {@code HashMap} (where it is a race detector's access instead, {@link ApiHooks}), and a {@code Lock.lock()} on a user's own lock runs instrumented code with sync points
 * of its own. For those the receiver's class decides, once per class ({@link ClassValue}), so a plain
 * {@code HashMap} call costs two lookups and no scheduling point.
 *
 * <p>Uncontrolled threads only get reported, as at every sync point.
 */
public final class LibraryHooks {

    private static final String CONCURRENT = "java.util.concurrent";
    private static final String LOCKS = "java.util.concurrent.locks";

    /**
     * The thread-safe collections of {@code java.util} itself, whose every call is one atomic step under
     * the collection's own monitor: a check-then-act across two calls is a race, so each call is a point.
     * {@code Stack} and {@code Properties} extend two of them.
     */
    private static final List<String> SYNCHRONIZED_COLLECTIONS = List.of("java.util.Vector", "java.util.Hashtable");
    /** The wrappers {@code Collections.synchronizedMap(...)} and its kind return. */
    private static final String SYNCHRONIZED_WRAPPERS = "java.util.Collections$Synchronized";

    /**
     * Classes that are, or extend, a JDK class of {@code java.util.concurrent} or its {@code locks} package,
     * or one of the thread-safe collections of {@code java.util}.
     */
    private static final ClassValue<Boolean> CONCURRENT_CLASSES = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> current = type; current != null; current = current.getSuperclass()) {
                if (JdkMethod.isJdkClass(current) && isConcurrent(current)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isConcurrent(Class<?> jdkClass) {
            String packageName = jdkClass.getPackageName();
            String name = jdkClass.getName();
            return packageName.equals(CONCURRENT) || packageName.equals(LOCKS)
                    || name.startsWith(SYNCHRONIZED_WRAPPERS) || SYNCHRONIZED_COLLECTIONS.contains(name);
        }
    };

    /** Classes whose calls run the JDK's code: defined by the JDK, or extending a concurrent class of it. */
    private static final ClassValue<Boolean> LIBRARY_CLASSES = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return JdkMethod.isJdkClass(type) || CONCURRENT_CLASSES.get(type);
        }
    };

    private LibraryHooks() {
    }

    /** Whether {@code type} is, or extends, a concurrent class of the JDK (see {@link #collectionCall}). */
    static boolean isConcurrent(Class<?> type) {
        return CONCURRENT_CLASSES.get(type);
    }

    /** Before a call on a class of the concurrency library; {@code target} is the receiver, or {@code null}. */
    public static void libraryCall(Object target, int site) {
        Hooks.handler(site).libraryCall(target, site);
    }

    /**
     * Before a call through a {@code java.util} collection interface ({@code Map}, {@code List},
     * {@code Iterator}...): a preemption point when {@code receiver} is a concurrent collection (or one of its
     * views and iterators); for any other receiver, an access the race detector checks when it is a
     * collection that is not thread-safe ({@link ApiHooks#call}). A {@code null} receiver is left to the
     * call, which throws.
     */
    public static void collectionCall(Object receiver, int site) {
        if (receiver != null && CONCURRENT_CLASSES.get(receiver.getClass())) {
            Hooks.handler(site).libraryCall(receiver, site);
        } else {
            ApiHooks.call(receiver, site);
        }
    }

    /**
     * Before a call through an interface of {@code java.util.concurrent} ({@code Lock}, {@code Executor},
     * {@code Future}...): a preemption point when {@code receiver} runs the JDK's code, nothing when it is a
     * user's own implementation, such as a lambda passed as a {@code Callable}.
     */
    public static void interfaceCall(Object receiver, int site) {
        if (receiver != null && LIBRARY_CLASSES.get(receiver.getClass())) {
            Hooks.handler(site).libraryCall(receiver, site);
        }
    }
}
