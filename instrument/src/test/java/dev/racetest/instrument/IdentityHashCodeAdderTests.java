package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.fixtures.instrument.IdentityFixture;
import dev.racetest.fixtures.instrument.SerialFixture;
import java.io.ObjectStreamClass;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Check which rewritten classes get the synthetic {@code hashCode()}, and that serializable ones keep
 * the serial version of their original class file ({@link SerialVersionPinner}).
 */
class IdentityHashCodeAdderTests {

    private final InstrumentingClassLoader loader = Fixtures.newLoader();

    private Optional<Method> declaredHashCode(Class<?> original) throws ClassNotFoundException {
        Class<?> rewritten = loader.loadClass(original.getName());
        assertThat(rewritten).isNotSameAs(original);
        return Arrays.stream(rewritten.getDeclaredMethods())
                .filter(method -> method.getName().equals("hashCode") && method.getParameterCount() == 0)
                .findFirst();
    }

    @Test
    void classesInheritingObjectsHashCodeGetAPublicSyntheticOne() throws Exception {
        Method added = declaredHashCode(IdentityFixture.Key.class).orElseThrow();

        assertThat(added.isSynthetic()).isTrue();
        assertThat(added.getModifiers() & (Modifier.PUBLIC | Modifier.STATIC | Modifier.FINAL)).isEqualTo(Modifier.PUBLIC);
        assertThat(added.getReturnType()).isEqualTo(int.class);
    }

    @Test
    void classesThatDeclareOneOrHaveAnotherSuperclassAreLeftAlone() throws Exception {
        assertThat(declaredHashCode(IdentityFixture.Valued.class)).get().extracting(Method::isSynthetic).isEqualTo(false);
        assertThat(declaredHashCode(IdentityFixture.SubKey.class)).isEmpty();
        assertThat(declaredHashCode(IdentityFixture.Color.class)).isEmpty();
        assertThat(declaredHashCode(IdentityFixture.Point.class)).get().extracting(Method::isSynthetic).isEqualTo(false);
        assertThat(declaredHashCode(IdentityFixture.Shape.class)).isEmpty();
    }

    @Test
    void serializableClassesKeepTheSerialVersionOfTheirOriginal() throws Exception {
        for (Class<?> original : new Class<?>[] {SerialFixture.class, SerialFixture.Indirect.class,
                SerialFixture.Declared.class}) {
            Class<?> rewritten = loader.loadClass(original.getName());

            assertThat(ObjectStreamClass.lookup(rewritten).getSerialVersionUID()).as(original.getSimpleName())
                    .isEqualTo(ObjectStreamClass.lookup(original).getSerialVersionUID());
        }
        assertThat(declaredHashCode(SerialFixture.class)).as("the change the pin is for").get()
                .extracting(Method::isSynthetic).isEqualTo(true);
        assertThat(loader.loadClass(SerialFixture.Declared.class.getName()).getDeclaredFields()).hasSize(1);
        assertThat(ObjectStreamClass.lookup(SerialFixture.Declared.class).getSerialVersionUID()).isEqualTo(12L);
    }

    @Test
    void classesThatAreNotSerializableGetNoSerialVersion() throws Exception {
        Class<?> rewritten = loader.loadClass(IdentityFixture.Key.class.getName());

        assertThat(rewritten.getDeclaredFields()).isEmpty();
    }
}
