package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.fixtures.instrument.ThreadControlFixture;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

class ClassHierarchyTests {

    /** Finds class files but refuses to load classes, so any answer must come from bytes. */
    private final ClassLoader resourcesOnly = new ClassLoader(null) {
        @Override
        public URL getResource(String name) {
            return ClassHierarchyTests.class.getClassLoader().getResource(name);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            throw new ClassNotFoundException("the hierarchy must not load " + name);
        }
    };
    private final ClassHierarchy hierarchy = ClassHierarchy.of(resourcesOnly);

    @Test
    void commonSuperClassWalksSuperclassChains() {
        assertThat(hierarchy.commonSuperClass("java/lang/Integer", "java/lang/Long")).isEqualTo("java/lang/Number");
        assertThat(hierarchy.commonSuperClass("java/util/ArrayList", "java/util/LinkedList"))
                .isEqualTo("java/util/AbstractList");
        assertThat(hierarchy.commonSuperClass("java/lang/Number", "java/lang/Integer")).isEqualTo("java/lang/Number");
        assertThat(hierarchy.commonSuperClass("java/lang/Integer", "java/lang/Number")).isEqualTo("java/lang/Number");
        assertThat(hierarchy.commonSuperClass("java/lang/String", "java/lang/Thread")).isEqualTo("java/lang/Object");
    }

    @Test
    void commonSuperClassOfInterfacesIsAnImplementedInterfaceOrObject() {
        assertThat(hierarchy.commonSuperClass("java/util/List", "java/util/ArrayList")).isEqualTo("java/util/List");
        assertThat(hierarchy.commonSuperClass("java/util/List", "java/util/Set")).isEqualTo("java/lang/Object");
        assertThat(hierarchy.commonSuperClass("com/acme/Missing", "java/lang/Integer")).isEqualTo("java/lang/Object");
    }

    @Test
    void recognisesThreadSubclassesFromBytes() {
        String spinner = ThreadControlFixture.Spinner.class.getName().replace('.', '/');

        assertThat(hierarchy.isThread("java/lang/Thread")).isTrue();
        assertThat(hierarchy.isThread(spinner)).isTrue();
        assertThat(hierarchy.isThread("java/lang/String")).isFalse();
        assertThat(hierarchy.isThread("[Ljava/lang/Thread;")).isFalse();
        assertThat(hierarchy.isThread("com/acme/Missing")).isFalse();
    }

    @Test
    void fieldFlagsResolveThroughSuperclasses() {
        String spinner = ThreadControlFixture.Spinner.class.getName().replace('.', '/');

        assertThat(hierarchy.fieldAccess(spinner, "sawOwnThread", "Z") & Opcodes.ACC_VOLATILE).isNotZero();
        // Integer.MAX_VALUE is declared in Integer, named here through a class that only extends Number.
        assertThat(hierarchy.fieldAccess("java/lang/Integer", "MAX_VALUE", "I") & Opcodes.ACC_FINAL).isNotZero();
        assertThat(hierarchy.fieldAccess(spinner, "sawOwnThread", "I")).as("descriptor matters").isZero();
        assertThat(hierarchy.fieldAccess("com/acme/Missing", "x", "I")).isZero();
    }

    @Test
    void aFieldIsNamedByTheClassThatDeclaresIt() throws NoSuchFieldException {
        String spinner = ThreadControlFixture.Spinner.class.getName().replace('.', '/');
        String declaring = ThreadControlFixture.Spinner.class.getDeclaredField("sawOwnThread").getDeclaringClass()
                .getName().replace('.', '/');

        ClassHierarchy.Field field = hierarchy.field(spinner, "sawOwnThread", "Z");
        assertThat(field.declaringClass()).isEqualTo(declaring);
        assertThat(field.name()).isEqualTo("sawOwnThread");
        assertThat(field.benignRace()).isFalse();
        assertThat(hierarchy.field("java/lang/Integer", "MAX_VALUE", "I").declaringClass()).isEqualTo("java/lang/Integer");
        assertThat(hierarchy.field("com/acme/Missing", "x", "I")).isNull();
    }
}
