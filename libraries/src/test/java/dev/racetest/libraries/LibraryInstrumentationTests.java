package dev.racetest.libraries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.instrument.ClassRewriter;
import dev.racetest.instrument.InstrumentationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Instrument every class of widely used libraries as {@code InstrumentingClassLoader} would, and let
 * the JVM verify each one: not a single rewriter failure, not a single {@link VerifyError}.
 *
 * <p>Verification is the JVM's own: each library's rewritten classes are defined in a throwaway
 * loader and linked (see {@link Linking}), and so are its original classes, in a twin loader. A
 * rewritten class must link exactly as the original does. ASM's {@code CheckClassAdapter} is not
 * used: its {@code SimpleVerifier} is a different verifier from the one that runs user code, and it
 * was several times slower over these jars.
 *
 * <p>The work is spread over two threads (the machines have two cores); the figures are printed per
 * jar.
 */
class LibraryInstrumentationTests {

    private static final int THREADS = 2;

    /** What became of one jar. */
    record JarFigures(String library, int classes, int methods, int hookedMethods, int linked, int leftAsTheyWere,
                      List<String> problems) {
    }

    @Test
    void everyClassOfEveryLibraryIsInstrumentedAndVerifies() throws Exception {
        ClassLoader testLoader = LibraryInstrumentationTests.class.getClassLoader();
        // Methods too large once rewritten are left as they were, one warning line each.
        Queue<String> warnings = new ConcurrentLinkedQueue<>();
        ClassRewriter rewriter = new ClassRewriter(warnings::add);
        List<JarFigures> figures = new ArrayList<>();
        long start = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            for (Library library : Library.all()) {
                JarFigures jar = instrumentAndVerify(library, rewriter, testLoader, threads, warnings::size);
                figures.add(jar);
                warnings.forEach(System.err::println);
                warnings.clear();
            }
        } finally {
            threads.shutdownNow();
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        int classes = 0;
        int methods = 0;
        int hooked = 0;
        int linked = 0;
        int leftAsTheyWere = 0;
        List<String> problems = new ArrayList<>();
        for (JarFigures jar : figures) {
            System.out.printf("racetest libraries: %-24s %6d classes (%6d linked), %7d methods, %6d of them instrumented, "
                            + "%d left as they were (too large), %d problems%n",
                    jar.library(), jar.classes(), jar.linked(), jar.methods(), jar.hookedMethods(), jar.leftAsTheyWere(),
                    jar.problems().size());
            leftAsTheyWere += jar.leftAsTheyWere();
            classes += jar.classes();
            linked += jar.linked();
            methods += jar.methods();
            hooked += jar.hookedMethods();
            problems.addAll(jar.problems());
        }
        System.out.printf("racetest libraries: %-24s %6d classes (%6d linked), %7d methods, %6d of them instrumented, "
                        + "%d left as they were (too large), %d problems, %d s%n",
                "total (" + figures.size() + " jars)", classes, linked, methods, hooked, leftAsTheyWere, problems.size(),
                seconds);

        assertThat(problems).as("classes that could not be instrumented or do not link as their originals do")
                .isEmpty();
        assertThat(figures).hasSizeGreaterThanOrEqualTo(10).allSatisfy(jar -> assertThat(jar.classes()).isPositive());
        assertThat(hooked).as("the libraries synchronise, so many methods get hooks").isGreaterThan(10_000);
        assertThat(linked).as("most classes link here; the rest miss an optional dependency, as their originals do")
                .isGreaterThan(classes * 9 / 10);
    }

    private static JarFigures instrumentAndVerify(Library library, ClassRewriter rewriter, ClassLoader testLoader,
                                                  ExecutorService threads, IntSupplier warningsSoFar)
            throws InterruptedException, ExecutionException {
        List<Library.ClassFile> classFiles = library.classFiles();
        List<String> problems = new ArrayList<>();

        List<Future<byte[]>> rewrites = new ArrayList<>();
        for (Library.ClassFile file : classFiles) {
            rewrites.add(threads.submit(() -> rewriter.rewrite(file.binaryName(), file.bytes(), testLoader)));
        }
        Map<String, byte[]> originals = new HashMap<>();
        Map<String, byte[]> rewritten = new HashMap<>();
        int methods = 0;
        int hooked = 0;
        for (int i = 0; i < classFiles.size(); i++) {
            Library.ClassFile file = classFiles.get(i);
            originals.put(file.binaryName(), file.bytes());
            try {
                byte[] bytes = rewrites.get(i).get();
                rewritten.put(file.binaryName(), bytes);
                HookedMethods counts = HookedMethods.of(bytes);
                methods += counts.methods();
                hooked += counts.hooked();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof InstrumentationException failure)) {
                    throw e;
                }
                problems.add(failure.getMessage());
            }
        }

        BytesLoader originalLoader = new BytesLoader(testLoader, originals);
        BytesLoader rewrittenLoader = new BytesLoader(testLoader, rewritten);
        List<Future<String>> links = new ArrayList<>();
        for (String name : rewritten.keySet()) {
            links.add(threads.submit(linkBoth(name, originalLoader, rewrittenLoader)));
        }
        int linked = 0;
        for (Future<String> link : links) {
            String outcome = link.get();
            if (outcome.equals("linked")) {
                linked++;
            } else if (!outcome.startsWith(SAME)) {
                problems.add(outcome);
            }
        }
        return new JarFigures(library.name(), classFiles.size(), methods, hooked, linked, warningsSoFar.getAsInt(),
                problems);
    }

    private static final String SAME = "same as the original: ";

    /**
     * Link a class in both loaders; return {@code "linked"} if both link, {@link #SAME} and the error if
     * both fail alike (a missing optional dependency), or else the problem.
     */
    private static Callable<String> linkBoth(String name, ClassLoader originalLoader, ClassLoader rewrittenLoader) {
        return () -> {
            String original = Linking.outcome(originalLoader, name);
            String rewritten = Linking.outcome(rewrittenLoader, name);
            if (Linking.isBadBytes(rewritten) || !rewritten.equals(original)) {
                return name + ": rewritten " + rewritten + "; original " + original;
            }
            return rewritten.equals("linked") ? rewritten : SAME + rewritten;
        };
    }
}
