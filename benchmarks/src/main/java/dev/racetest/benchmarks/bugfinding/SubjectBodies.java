package dev.racetest.benchmarks.bugfinding;

import dev.racetest.instrument.InstrumentationPolicy;
import dev.racetest.instrument.InstrumentingClassLoader;
import dev.racetest.scheduler.TestBody;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Turns a {@link Subject} into a {@link TestBody} the way the engine runs a {@code @RaceTest}: with
 * fresh statics, every execution loads the class through a new instrumenting class loader, on the
 * execution's first thread, so each one starts from a newly started JVM's statics; with shared
 * statics, the class is loaded once and every execution calls the method on a new instance.
 */
final class SubjectBodies {

    private SubjectBodies() {
    }

    /**
     * Returns the body of {@code subject}; checks once, outside any exploration, that its method exists.
     *
     * @throws ReflectiveOperationException when the class or method is missing
     */
    static TestBody of(Subject subject) throws ReflectiveOperationException {
        ClassLoader parent = SubjectBodies.class.getClassLoader();
        Class.forName(subject.className(), false, parent).getDeclaredMethod(subject.methodName());
        if (!subject.freshStatics()) {
            return loadedThrough(new InstrumentingClassLoader(parent, InstrumentationPolicy.defaults()), subject);
        }
        return () -> {
            ClassLoader loader = new InstrumentingClassLoader(parent, InstrumentationPolicy.defaults());
            // Threads the program starts inherit it, as the engine arranges for a @RaceTest.
            Thread.currentThread().setContextClassLoader(loader);
            loadedThrough(loader, subject).run();
        };
    }

    private static TestBody loadedThrough(ClassLoader loader, Subject subject) throws ReflectiveOperationException {
        Class<?> type = Class.forName(subject.className(), true, loader);
        Method method = type.getDeclaredMethod(subject.methodName());
        method.setAccessible(true);
        if (Modifier.isStatic(method.getModifiers())) {
            return () -> invoke(method, null);
        }
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return () -> invoke(method, construct(constructor));
    }

    private static void invoke(Method method, Object target) throws Throwable {
        try {
            method.invoke(target);
        } catch (InvocationTargetException thrown) {
            throw thrown.getCause(); // what the program threw, as a test's own failure
        }
    }

    private static Object construct(Constructor<?> constructor) throws Throwable {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException thrown) {
            throw thrown.getCause();
        }
    }
}
