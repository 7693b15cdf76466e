package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.racetest.fixtures.instrument.ThreadControlFixture;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures name the class, the rewriter and the method, in one sentence that says what to do. */
class InstrumentationErrorTests {

    private final ClassLoader testLoader = InstrumentationErrorTests.class.getClassLoader();

    @Test
    void malformedBytesBlameTheReader() {
        assertThatThrownBy(() -> new ClassRewriter().rewrite("com.acme.Broken", new byte[] {1, 2, 3}, testLoader))
                .isInstanceOfSatisfying(InstrumentationException.class, e -> {
                    assertThat(e.className()).isEqualTo("com.acme.Broken");
                    assertThat(e.rewriter()).isEqualTo("ClassReader");
                    assertThat(e.getMessage())
                            .startsWith("racetest could not instrument class com.acme.Broken (rewriter ClassReader failed")
                            .endsWith(". Exclude it with racetest.instrument.exclude=com.acme.Broken or report a bug.")
                            .doesNotContain("\n");
                });
    }

    @Test
    void aFailingRewriterIsNamedWithItsMethod() {
        String spinner = ThreadControlFixture.Spinner.class.getName().replace('.', '/') + ".class";
        ClassLoader failingHierarchy = new ClassLoader(testLoader) {
            @Override
            public URL getResource(String name) {
                if (name.equals(spinner)) {
                    throw new IllegalStateException("hierarchy unavailable");
                }
                return super.getResource(name);
            }
        };

        assertThatThrownBy(() -> new ClassRewriter().rewrite(ThreadControlFixture.class.getName(),
                Fixtures.bytes(ThreadControlFixture.class), failingHierarchy))
                .isInstanceOf(InstrumentationException.class)
                .hasMessage("racetest could not instrument class " + ThreadControlFixture.class.getName()
                        + " (rewriter ThreadConstructionRewriter failed in method getAsInt):"
                        + " IllegalStateException: hierarchy unavailable."
                        + " Exclude it with racetest.instrument.exclude=" + ThreadControlFixture.class.getName()
                        + " or report a bug.")
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void theLoaderSurfacesTheFailureWithItsMessage(@TempDir Path classes) throws IOException {
        String name = Fixtures.PACKAGE + ".Bogus";
        Path classFile = classes.resolve("Bogus.class");
        Files.write(classFile, new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0});
        ClassLoader parent = new ClassLoader(testLoader) {
            @Override
            public URL getResource(String resource) {
                if (resource.equals(name.replace('.', '/') + ".class")) {
                    try {
                        return classFile.toUri().toURL();
                    } catch (MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return super.getResource(resource);
            }
        };
        InstrumentingClassLoader loader = new InstrumentingClassLoader(parent, InstrumentationPolicy.defaults());

        assertThatThrownBy(() -> loader.loadClass(name))
                .isInstanceOf(InstrumentationException.class)
                .hasMessageStartingWith("racetest could not instrument class " + name + " (rewriter ClassReader")
                .hasMessageEndingWith("racetest.instrument.exclude=" + name + " or report a bug.");
    }
}
