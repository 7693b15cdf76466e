package dev.racetest.instrument;

import java.util.List;
import java.util.Objects;

/**
 * Decide which classes the {@link InstrumentingClassLoader} rewrites.
 *
 * <p>Names are matched as prefixes of binary class names ({@code com.acme.} matches every class in
 * {@code com.acme} and its subpackages; {@code com.acme.Foo} matches {@code Foo} and its nested
 * classes). Excludes always win over includes. The {@linkplain #defaultExcludes() default excludes} —
 * the JDK, the test frameworks, ASM, JCTools and racetest itself — apply to every policy, so the
 * harness never rewrites the code that runs it. Classes directly in the root package
 * {@code dev.racetest} (the user API, such as {@code dev.racetest.RaceTest}) are never rewritten
 * either, while its subpackages (such as {@code dev.racetest.examples}) are user code and are.
 * The substitutes racetest puts in place of JDK executors, pools and timers
 * ({@code dev.racetest.substitutes}) are always rewritten, whatever the includes and excludes say:
 * rewritten user code calls them, and they only work as controlled code.
 *
 * <p>Immutable and thread-safe.
 *
 * @param includes prefixes of the classes to rewrite; empty means every class not excluded
 * @param excludes prefixes of further classes never to rewrite, in addition to the defaults
 */
public record InstrumentationPolicy(List<String> includes, List<String> excludes) {

    private static final String ROOT_PACKAGE = "dev.racetest.";
    private static final String SUBSTITUTES = "dev.racetest.substitutes.";

    private static final List<String> DEFAULT_EXCLUDES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.",
            "org.junit.", "junit.", "org.opentest4j.", "org.apiguardian.", "org.assertj.",
            "net.bytebuddy.", "org.objectweb.asm.", "org.jctools.",
            "dev.racetest.instrument.", "dev.racetest.scheduler.", "dev.racetest.engine.");

    /** Validate and copy the prefixes. */
    public InstrumentationPolicy {
        includes = validated(includes, "includes");
        excludes = validated(excludes, "excludes");
    }

    /** Return the policy that rewrites every class except the default excludes. */
    public static InstrumentationPolicy defaults() {
        return new InstrumentationPolicy(List.of(), List.of());
    }

    /** Return the prefixes every policy excludes, whatever its own excludes say. */
    public static List<String> defaultExcludes() {
        return DEFAULT_EXCLUDES;
    }

    /** Return a copy of this policy that rewrites only classes matching {@code includes}. */
    public InstrumentationPolicy withIncludes(List<String> includes) {
        return new InstrumentationPolicy(includes, excludes);
    }

    /** Return a copy of this policy whose own excludes (added to the defaults) are {@code excludes}. */
    public InstrumentationPolicy withExcludes(List<String> excludes) {
        return new InstrumentationPolicy(includes, excludes);
    }

    /** Return whether the class with this binary name (such as {@code com.acme.Foo$Bar}) is rewritten. */
    public boolean instruments(String binaryClassName) {
        Objects.requireNonNull(binaryClassName, "binaryClassName must not be null");
        if (binaryClassName.startsWith(SUBSTITUTES)) {
            return true;
        }
        if (isInRootPackage(binaryClassName)
                || matchesAny(DEFAULT_EXCLUDES, binaryClassName)
                || matchesAny(excludes, binaryClassName)) {
            return false;
        }
        return includes.isEmpty() || matchesAny(includes, binaryClassName);
    }

    private static boolean isInRootPackage(String name) {
        return name.startsWith(ROOT_PACKAGE) && name.indexOf('.', ROOT_PACKAGE.length()) < 0;
    }

    private static boolean matchesAny(List<String> prefixes, String name) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> validated(List<String> prefixes, String what) {
        Objects.requireNonNull(prefixes, what + " must not be null");
        for (String prefix : prefixes) {
            if (prefix == null || prefix.isBlank()) {
                throw new IllegalArgumentException(what + " must not contain null or blank prefixes");
            }
        }
        return List.copyOf(prefixes);
    }
}
