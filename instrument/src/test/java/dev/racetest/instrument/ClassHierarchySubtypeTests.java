package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.fixtures.instrument.AsyncFixture;
import java.net.URL;
import org.junit.jupiter.api.Test;

class ClassHierarchySubtypeTests {

    /** Finds class files but refuses to load classes, so any answer must come from bytes. */
    private final ClassLoader resourcesOnly = new ClassLoader(null) {
        @Override
        public URL getResource(String name) {
            return ClassHierarchySubtypeTests.class.getClassLoader().getResource(name);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            throw new ClassNotFoundException("the hierarchy must not load " + name);
        }
    };
    private final ClassHierarchy hierarchy = ClassHierarchy.of(resourcesOnly);

    @Test
    void subtypesIncludeSuperclassesAndInterfacesAtAnyDepth() {
        String sum = AsyncFixture.Sum.class.getName().replace('.', '/');

        assertThat(hierarchy.isSubtypeOf(sum, "java/util/concurrent/ForkJoinTask")).isTrue();
        assertThat(hierarchy.isSubtypeOf(sum, "java/util/concurrent/Future")).isTrue();
        assertThat(hierarchy.isSubtypeOf("java/util/concurrent/CompletableFuture", "java/util/concurrent/CompletionStage"))
                .isTrue();
        assertThat(hierarchy.isSubtypeOf("java/util/Timer", "java/util/Timer")).isTrue();
    }

    @Test
    void unrelatedArraysAndUnknownClassesAreNotSubtypes() {
        assertThat(hierarchy.isSubtypeOf("java/util/concurrent/CompletionStage", "java/util/concurrent/CompletableFuture"))
                .isFalse();
        assertThat(hierarchy.isSubtypeOf("java/lang/String", "java/util/TimerTask")).isFalse();
        assertThat(hierarchy.isSubtypeOf("[Ljava/util/TimerTask;", "java/util/TimerTask")).isFalse();
        assertThat(hierarchy.isSubtypeOf("com/acme/Missing", "java/util/TimerTask")).isFalse();
    }
}
