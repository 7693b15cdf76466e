package dev.racetest.scheduler.runtime;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.Executor;

/**
 * Builds virtual threads whose scheduler is an {@link Executor} of ours.
 *
 * <p>The JDK offers this only through the package-private constructor
 * {@code java.lang.ThreadBuilders$VirtualThreadBuilder(Executor)}; this class is the one place that
 * reaches for it, so a JDK without it fails here with one sentence.
 */
public final class VirtualThreads {

    /** The JVM option every JVM running racetest needs. */
    public static final String REQUIRED_JVM_FLAG = "--add-opens java.base/java.lang=ALL-UNNAMED";

    private static final Constructor<?> BUILDER = findBuilder();
    private static final Field INHERITABLE_THREAD_LOCALS = findInheritableThreadLocals();
    private static final String UNAVAILABLE = unavailableReason();

    private VirtualThreads() {
    }

    /**
     * Returns an unstarted virtual thread that runs {@code task} and hands its continuation to
     * {@code scheduler} whenever it becomes runnable.
     *
     * @throws ControlledThreadsUnavailableException when this JVM cannot build such threads
     */
    public static Thread newThread(Executor scheduler, String name, Runnable task) {
        if (BUILDER == null) {
            throw new ControlledThreadsUnavailableException(UNAVAILABLE);
        }
        try {
            Thread.Builder.OfVirtual builder = (Thread.Builder.OfVirtual) BUILDER.newInstance(scheduler);
            return builder.name(name).unstarted(task);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new ControlledThreadsUnavailableException(
                    "racetest could not build a controlled virtual thread (" + e + "): run on JDK 25 with " + REQUIRED_JVM_FLAG);
        }
    }

    /**
     * Makes {@code runner}, the controlled thread that runs the user's {@code thread}, start with what
     * {@code thread} inherited when user code constructed it: its {@code InheritableThreadLocal} values
     * and context class loader. Without this, the runner would have copied them from whichever thread
     * started it, at the time it was started. The user's thread is never started itself, so the two
     * never share the map.
     */
    public static void inheritFrom(Thread thread, Thread runner) {
        runner.setContextClassLoader(thread.getContextClassLoader());
        if (INHERITABLE_THREAD_LOCALS == null) {
            return; // newThread has already failed with the sentence saying why
        }
        try {
            INHERITABLE_THREAD_LOCALS.set(runner, INHERITABLE_THREAD_LOCALS.get(thread));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("java.lang.Thread.inheritableThreadLocals is open but not accessible", e);
        }
    }

    /** Returns {@code null} when controlled threads can be built, otherwise the sentence saying why not. */
    public static String unavailableReason() {
        if (BUILDER != null) {
            return null;
        }
        if (Runtime.version().feature() < 25) {
            return "racetest needs JDK 25 or newer, but this JVM is " + Runtime.version() + ": run the tests on a JDK 25";
        }
        return "racetest needs the JVM option " + REQUIRED_JVM_FLAG
                + " to control threads: add it to the test JVM (for Maven Surefire: <argLine>" + REQUIRED_JVM_FLAG + "</argLine>)";
    }

    private static Field findInheritableThreadLocals() {
        try {
            Field field = Thread.class.getDeclaredField("inheritableThreadLocals");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            return null; // as for the builder: the same --add-opens is missing
        }
    }

    private static Constructor<?> findBuilder() {
        try {
            Class<?> builderClass = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
            Constructor<?> constructor = builderClass.getDeclaredConstructor(Executor.class);
            constructor.setAccessible(true);
            return constructor;
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            // InaccessibleObjectException (missing --add-opens) or a JDK without the constructor:
            // unavailableReason() turns either into an actionable sentence.
            return null;
        }
    }
}
