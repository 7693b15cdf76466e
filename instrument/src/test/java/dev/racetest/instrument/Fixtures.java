package dev.racetest.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Load fixture classes and their bytes, and find the lines their {@code // line:} markers point at. */
final class Fixtures {

    static final String PACKAGE = "dev.racetest.fixtures.instrument";

    private static final Path SOURCES = Path.of("src/test/java");

    private Fixtures() {
    }

    /** Return a fresh instrumenting loader over the test class path with the default policy. */
    static InstrumentingClassLoader newLoader() {
        return new InstrumentingClassLoader(Fixtures.class.getClassLoader(), InstrumentationPolicy.defaults());
    }

    /** Return the class file of a class on the test class path. */
    static byte[] bytes(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no class file for " + type.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Return the number of the one source line of {@code fixture} that ends with {@code // line:marker}. */
    static int line(Class<?> fixture, String marker) {
        Path source = SOURCES.resolve(fixture.getName().replace('.', '/') + ".java");
        Pattern pattern = Pattern.compile(".*// line:" + Pattern.quote(marker) + "$");
        try {
            List<String> lines = Files.readAllLines(source);
            int found = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (pattern.matcher(lines.get(i)).matches()) {
                    if (found >= 0) {
                        throw new IllegalStateException("marker " + marker + " appears twice in " + source);
                    }
                    found = i + 1;
                }
            }
            if (found < 0) {
                throw new IllegalStateException("marker " + marker + " is missing from " + source);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
