package dev.racetest.engine.discovery;

import dev.racetest.RaceTest;
import dev.racetest.engine.descriptor.RaceTestMethodDescriptor;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Decide which classes hold race tests, find their {@code @RaceTest} methods, and say in one
 * sentence why a method cannot run.
 */
final class RaceTestMethods {

    /** Sorted by name, so the run order is obvious and stable across JVMs. */
    private static final Comparator<Method> BY_NAME = Comparator.comparing(Method::getName)
            .thenComparing(RaceTestMethodDescriptor::segmentValue);

    private RaceTestMethods() {
    }

    /**
     * Return whether {@code candidate} is a class whose race tests the engine runs: a concrete class
     * (not an interface, enum, annotation, anonymous or local class) that declares or inherits
     * at least one {@code @RaceTest} method. Abstract classes are skipped without a word, as JUnit
     * Jupiter does: they are base classes, and their race tests run in each concrete subclass. Inner
     * (non-static) classes are candidates, so their tests fail with a sentence instead of vanishing.
     */
    static boolean isCandidate(Class<?> candidate) {
        try {
            int modifiers = candidate.getModifiers();
            if (Modifier.isAbstract(modifiers) || candidate.isInterface() || candidate.isEnum()
                    || candidate.isAnnotation() || candidate.isAnonymousClass() || candidate.isLocalClass()
                    || candidate.isSynthetic() || candidate.isArray() || candidate.isPrimitive()) {
                return false;
            }
            return !find(candidate).isEmpty();
        } catch (Throwable unloadable) {
            // A class whose members cannot be resolved (a missing dependency) is not ours to report:
            // the engine that owns it will, and racetest must not abort discovery over it.
            if (unloadable instanceof OutOfMemoryError outOfMemory) {
                throw outOfMemory;
            }
            return false;
        }
    }

    /** Return the {@code @RaceTest} methods {@code testClass} declares or inherits and does not override. */
    static List<Method> find(Class<?> testClass) {
        return ReflectionSupport.findMethods(testClass, RaceTestMethods::isRaceTest, HierarchyTraversalMode.TOP_DOWN)
                .stream()
                .sorted(BY_NAME)
                .toList();
    }

    /** Return whether {@code method} is annotated with {@code @RaceTest}. */
    static boolean isRaceTest(Method method) {
        return !method.isSynthetic() && AnnotationSupport.isAnnotated(method, RaceTest.class);
    }

    /**
     * Return why {@code method} cannot run as a test of {@code testClass}, as one sentence, or empty
     * when it can.
     */
    static Optional<String> problem(Class<?> testClass, Method method) {
        String subject = "@RaceTest method '" + RaceTestMethodDescriptor.signature(method) + "' in " + testClass.getName();
        if (method.getParameterCount() > 0) {
            return Optional.of(subject + " must take no parameters: racetest calls it once per execution with none.");
        }
        if (method.getReturnType() != void.class) {
            return Optional.of(subject + " must return void, not " + method.getReturnType().getSimpleName()
                    + ": racetest ignores results, so check them inside the method instead.");
        }
        if (Modifier.isAbstract(method.getModifiers())) {
            return Optional.of(subject + " must not be abstract: racetest needs a body to call.");
        }
        if (Modifier.isStatic(method.getModifiers())) {
            return Optional.empty();
        }
        if (isInner(testClass)) {
            return Optional.of(subject + " cannot run because " + testClass.getSimpleName()
                    + " is an inner class: declare it static so racetest can create it without an enclosing instance.");
        }
        if (!hasNoArgConstructor(testClass)) {
            return Optional.of(subject + " cannot run because the class has no constructor without parameters: "
                    + "add one (it may be private) or make the method static.");
        }
        return Optional.empty();
    }

    private static boolean isInner(Class<?> testClass) {
        return testClass.isMemberClass() && !Modifier.isStatic(testClass.getModifiers());
    }

    private static boolean hasNoArgConstructor(Class<?> testClass) {
        try {
            testClass.getDeclaredConstructor();
            return true;
        } catch (NoSuchMethodException none) {
            return false;
        }
    }
}
