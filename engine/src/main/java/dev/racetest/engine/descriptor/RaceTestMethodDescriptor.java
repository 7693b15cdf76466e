package dev.racetest.engine.descriptor;

import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * Describe one {@code @RaceTest} method as run by one test class: a test. Its unique id segment is
 * {@code [method:name(parameter types)]}, as in JUnit Jupiter, and its source a {@link MethodSource}
 * naming the test class, so tools can filter by {@code Class#method}.
 *
 * <p>A method that racetest cannot run (wrong signature, unusable class) still gets a descriptor,
 * carrying the {@linkplain #problem() problem}, so the run shows it as a failed test.
 *
 * <p>Internal to the racetest engine; public only because discovery and execution live in
 * different packages.
 */
public final class RaceTestMethodDescriptor extends AbstractTestDescriptor {

    /** The unique id segment type of a test method. */
    public static final String SEGMENT_TYPE = "method";

    private final Class<?> testClass;
    private final Method method;
    private final String problem;

    /**
     * Create the descriptor of {@code method} run as a test of {@code testClass}.
     *
     * @param problem the sentence that says why the method cannot run, or {@code null} when it can
     */
    public RaceTestMethodDescriptor(UniqueId parentId, Class<?> testClass, Method method, String problem) {
        super(parentId.append(SEGMENT_TYPE, segmentValue(method)), signature(method), MethodSource.from(testClass, method));
        this.testClass = Objects.requireNonNull(testClass, "testClass must not be null");
        this.method = method;
        this.problem = problem;
    }

    /** Return the unique id segment value of {@code method}, such as {@code transfer(int)}. */
    public static String segmentValue(Method method) {
        StringJoiner parameters = new StringJoiner(",", method.getName() + "(", ")");
        for (Class<?> type : method.getParameterTypes()) {
            parameters.add(type.getName());
        }
        return parameters.toString();
    }

    /** Return how {@code method} is shown to people, such as {@code transfer(int)}. */
    public static String signature(Method method) {
        StringJoiner parameters = new StringJoiner(", ", method.getName() + "(", ")");
        for (Class<?> type : method.getParameterTypes()) {
            parameters.add(type.getSimpleName());
        }
        return parameters.toString();
    }

    /** Return the class the test runs in; the method may be declared by one of its superclasses. */
    public Class<?> testClass() {
        return testClass;
    }

    /** Return the {@code @RaceTest} method. */
    public Method method() {
        return method;
    }

    /** Return why this test cannot run, if it cannot; the sentence is the test's failure message. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
