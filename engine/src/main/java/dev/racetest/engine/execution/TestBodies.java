package dev.racetest.engine.execution;

import dev.racetest.RaceTestConfigurationException;
import dev.racetest.scheduler.TestBody;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;

/**
 * Build the {@link TestBody} of a race test: load its class through the instrumenting loader, then,
 * once per execution, create a fresh instance (unless the method is static) and call the method.
 *
 * <p>Public for racetest's own suites, which explore conformance programs with settings of their own
 * (the annotation's budgets would win over configuration); not part of racetest's API.
 */
public final class TestBodies {

    private TestBodies() {
    }

    /**
     * Return the body of {@code method} run as a test of {@code testClass}, both loaded again through
     * {@code loader}. The test class is initialised here, on the calling thread, so its static
     * initialiser runs once, before exploring, and never inside a controlled thread (where it would
     * be pinned to the carrier).
     *
     * @throws ReflectiveOperationException when the class or method cannot be found through {@code loader}
     * @throws RaceTestConfigurationException when a module does not open the class to racetest
     */
    public static TestBody create(ClassLoader loader, Class<?> testClass, Method method) throws ReflectiveOperationException {
        Class<?> instrumented = Class.forName(testClass.getName(), true, loader);
        Class<?> declaring = Class.forName(method.getDeclaringClass().getName(), false, loader);
        Method target = declaring.getDeclaredMethod(method.getName());
        makeAccessible(target, testClass, method);
        if (Modifier.isStatic(target.getModifiers())) {
            return () -> invoke(target, null);
        }
        Constructor<?> constructor = instrumented.getDeclaredConstructor();
        makeAccessible(constructor, testClass, method);
        return () -> invoke(target, newInstance(constructor));
    }

    /**
     * Return a body that loads {@code testClass} and the code under test through a new instrumenting
     * class loader on every run, so each execution sees the program as a newly started JVM would: every
     * static at its initial value, every static initialiser still to run (on the test's own threads,
     * where initialisation races can happen). The rewritten bytes are cached JVM-wide, so a new loader
     * only defines classes again. Checks once, through {@code validation}, that the method can be called.
     */
    public static TestBody freshEachRun(Supplier<ClassLoader> loaders, ClassLoader validation, Class<?> testClass, Method method)
            throws ReflectiveOperationException {
        Class<?> declaring = Class.forName(method.getDeclaringClass().getName(), false, validation);
        makeAccessible(declaring.getDeclaredMethod(method.getName()), testClass, method);
        if (!Modifier.isStatic(method.getModifiers())) {
            makeAccessible(Class.forName(testClass.getName(), false, validation).getDeclaredConstructor(), testClass, method);
        }
        return () -> {
            ClassLoader loader = loaders.get();
            // Threads the test starts inherit the loader, so their resource and service lookups see it too.
            Thread.currentThread().setContextClassLoader(loader);
            create(loader, testClass, method).run();
        };
    }

    private static Object newInstance(Constructor<?> constructor) throws Throwable {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException thrown) {
            throw thrown.getCause();
        }
    }

    private static void invoke(Method target, Object instance) throws Throwable {
        try {
            target.invoke(instance);
        } catch (InvocationTargetException thrown) {
            // What the test threw, as it threw it: the report shows this, not the reflection wrapper.
            throw thrown.getCause();
        }
    }

    private static void makeAccessible(AccessibleObject member, Class<?> testClass, Method method) {
        try {
            member.setAccessible(true);
        } catch (InaccessibleObjectException | SecurityException closed) {
            String packageName = testClass.getPackageName();
            throw new RaceTestConfigurationException("racetest cannot call " + testClass.getName() + "#" + method.getName()
                    + " because its module does not open package " + packageName + ": add 'opens " + packageName
                    + "' to module-info.java or run the tests on the class path.");
        }
    }
}
