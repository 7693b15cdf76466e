package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.racetest.fixtures.instrument.Counter;
import dev.racetest.instrument.hooks.Hooks;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class InstrumentingClassLoaderTests {

    private final ClassLoader parent = InstrumentingClassLoaderTests.class.getClassLoader();

    @Test
    void definesInstrumentedClassesItself() throws Exception {
        InstrumentingClassLoader loader = Fixtures.newLoader();

        Class<?> counter = loader.loadClass(Counter.class.getName());

        assertThat(counter).isNotSameAs(Counter.class);
        assertThat(counter.getClassLoader()).isSameAs(loader);
        assertThat(loader.loadClass(Counter.class.getName())).isSameAs(counter);
        assertThat(counter.getPackage().getName()).isEqualTo(Fixtures.PACKAGE);
        Method increment = counter.getMethod("increment");
        assertThat(Modifier.isSynchronized(increment.getModifiers()))
                .as("ACC_SYNCHRONIZED is gone").isFalse();
    }

    @Test
    void keepsTheOriginalCodeSource() throws Exception {
        Class<?> counter = Fixtures.newLoader().loadClass(Counter.class.getName());

        assertThat(counter.getProtectionDomain().getCodeSource().getLocation())
                .isEqualTo(Counter.class.getProtectionDomain().getCodeSource().getLocation());
    }

    @Test
    void delegatesExcludedNamesSoHooksIsSharedWithTheParent() throws Exception {
        InstrumentingClassLoader loader = Fixtures.newLoader();

        assertThat(loader.loadClass(Hooks.class.getName())).isSameAs(Hooks.class);
        assertThat(loader.loadClass(InstrumentingClassLoaderTests.class.getName()))
                .isSameAs(InstrumentingClassLoaderTests.class);
        assertThat(loader.loadClass("java.lang.String")).isSameAs(String.class);
    }

    @Test
    void instrumentedClassesSeeTheParentsHooks() throws Exception {
        Class<?> fixture = Fixtures.newLoader().loadClass(Counter.class.getName());
        RecordingHandler recorder = new RecordingHandler();
        Object counter = fixture.getConstructor().newInstance();

        Hooks.bind(recorder);
        try {
            fixture.getMethod("increment").invoke(counter);
        } finally {
            Hooks.unbind();
        }

        assertThat(recorder.events()).isNotEmpty();
    }

    @Test
    void delegatesClassesExcludedByTheUsersPolicy() throws Exception {
        InstrumentingClassLoader loader = new InstrumentingClassLoader(parent,
                InstrumentationPolicy.defaults().withExcludes(List.of(Counter.class.getName())));

        assertThat(loader.loadClass(Counter.class.getName())).isSameAs(Counter.class);
    }

    @Test
    void delegatesNamesWhoseBytesTheParentCannotFind() {
        InstrumentingClassLoader loader = Fixtures.newLoader();

        assertThatThrownBy(() -> loader.loadClass("com.acme.DoesNotExist"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void loadersShareRewrittenBytesAndTheirSites() throws Exception {
        List<String> first = recordIncrement(Fixtures.newLoader());
        List<String> second = recordIncrement(Fixtures.newLoader());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void runsAFixtureEndToEnd() throws Exception {
        Class<?> fixture = Fixtures.newLoader().loadClass(Fixtures.PACKAGE + ".SynchronizedCounterFixture");

        assertThat(((IntSupplier) fixture.getConstructor().newInstance()).getAsInt()).isEqualTo(40_000);
    }

    /** Return the sites one increment passes, which only match across loaders if the bytes are shared. */
    private static List<String> recordIncrement(InstrumentingClassLoader loader) throws Exception {
        Class<?> fixture = loader.loadClass(Counter.class.getName());
        Object counter = fixture.getConstructor().newInstance();
        RecordingHandler recorder = new RecordingHandler();
        Hooks.bind(recorder);
        try {
            fixture.getMethod("increment").invoke(counter);
        } finally {
            Hooks.unbind();
        }
        assertThat(recorder.events()).hasSize(4);
        return recorder.events().stream().map(event -> event.kind() + " " + event.site()).toList();
    }
}
