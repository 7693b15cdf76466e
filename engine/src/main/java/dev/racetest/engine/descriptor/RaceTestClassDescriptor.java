package dev.racetest.engine.descriptor;

import java.util.Objects;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * Describe a class that declares or inherits {@code @RaceTest} methods: a container whose children
 * are {@link RaceTestMethodDescriptor}s. Its unique id segment is {@code [class:binary.Name]}.
 *
 * <p>Internal to the racetest engine; public only because discovery and execution live in
 * different packages.
 */
public final class RaceTestClassDescriptor extends AbstractTestDescriptor {

    /** The unique id segment type of a test class. */
    public static final String SEGMENT_TYPE = "class";

    private final Class<?> testClass;

    /** Create the descriptor of {@code testClass} under {@code parentId}. */
    public RaceTestClassDescriptor(UniqueId parentId, Class<?> testClass) {
        super(parentId.append(SEGMENT_TYPE, testClass.getName()), displayName(testClass), ClassSource.from(testClass));
        this.testClass = Objects.requireNonNull(testClass, "testClass must not be null");
    }

    /** Return the class whose tests this describes. */
    public Class<?> testClass() {
        return testClass;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public String getLegacyReportingName() {
        return testClass.getName();
    }

    private static String displayName(Class<?> testClass) {
        String name = testClass.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
