package dev.racetest.engine.execution;

import dev.racetest.RaceTestConfigurationException;
import dev.racetest.scheduler.TestBody;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Build the {@link TestBody} of a race test: load its class through the instrumenting loader, then,
 * once per execution, create a fresh instance (unless the method is static) and call the method.
 */
final class TestBodies {

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
    static TestBody create(ClassLoader loader, Class<?> testClass, Method method) throws ReflectiveOperationException {
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
