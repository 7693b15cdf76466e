package dev.racetest.libraries.differential;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Compile generated sources, all in one {@code javac} run, into a directory of class files. */
final class SourceCompiler {

    private SourceCompiler() {
    }

    /**
     * Compile {@code sources} (binary class name to source text) into {@code output}, with debug
     * information as a build would have it.
     *
     * @throws IllegalStateException with javac's diagnostics if a source does not compile
     */
    static void compile(Map<String, String> sources, Path output) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new SourceText(name, text)));
        StringWriter diagnostics = new StringWriter();
        List<String> options = List.of("-d", output.toString(), "-g", "-proc:none", "-nowarn",
                "--release", Integer.toString(Runtime.version().feature()));
        boolean compiled = javac.getTask(diagnostics, null, null, options, null, units).call();
        if (!compiled) {
            throw new IllegalStateException("generated programs did not compile:\n" + diagnostics);
        }
    }

    private static final class SourceText extends SimpleJavaFileObject {
        private final String text;

        SourceText(String binaryName, String text) {
            super(URI.create("string:///" + binaryName.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
