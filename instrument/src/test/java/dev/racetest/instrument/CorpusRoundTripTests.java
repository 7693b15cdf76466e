package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.fixtures.instrument.Counter;
import dev.racetest.instrument.hooks.Hooks;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Rewrite every class of the ASM jars, the JUnit Jupiter and Platform engine jars and the fixtures, and check the
 * output with ASM's verifier and against the real {@link Hooks} surface.
 *
 * <p>The corpus is rewritten once for both tests: every rewrite registers sites for good.
 */
class CorpusRoundTripTests {

    private static final String HOOKS = Type.getInternalName(Hooks.class);

    /** One rewritten class of the corpus. */
    record Rewritten(String name, byte[] bytes) {
    }

    private static List<Rewritten> corpus;

    @BeforeAll
    static void rewriteCorpus() throws Exception {
        ClassLoader loader = CorpusRoundTripTests.class.getClassLoader();
        ClassRewriter rewriter = new ClassRewriter();
        List<Rewritten> all = new ArrayList<>();
        List<Path> locations = List.of(location(ClassReader.class), location(ClassNode.class),
                location(GeneratorAdapter.class), location(CheckClassAdapter.class), location(JupiterTestEngine.class),
                location(EngineDiscoveryRequest.class), location(Counter.class));
        for (Path location : locations) {
            for (var entry : classFiles(location)) {
                all.add(new Rewritten(entry.name(), rewriter.rewrite(entry.name(), entry.bytes(), loader)));
            }
        }
        corpus = all;
    }

    @Test
    void everyRewrittenClassVerifies() {
        ClassLoader loader = CorpusRoundTripTests.class.getClassLoader();
        List<String> problems = new ArrayList<>();
        int rewrittenMethods = 0;
        int changedClasses = 0;
        for (Rewritten rewritten : corpus) {
            StringWriter report = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(rewritten.bytes()), loader, false, new PrintWriter(report));
            if (!report.toString().isBlank()) {
                problems.add(rewritten.name() + ":\n" + report);
            }
            int methods = hookCalls(rewritten.bytes()).stream().map(HookCall::method).collect(Collectors.toSet()).size();
            rewrittenMethods += methods;
            changedClasses += methods > 0 ? 1 : 0;
        }
        System.out.printf("racetest corpus: %d classes rewritten and verified, %d of them with hook calls in %d methods%n",
                corpus.size(), changedClasses, rewrittenMethods);

        assertThat(problems).isEmpty();
        assertThat(corpus).hasSizeGreaterThan(400);
        assertThat(rewrittenMethods).isGreaterThan(1000);
    }

    @Test
    void everyEmittedHookCallResolvesToAPublicStaticHook() {
        Set<String> hooks = Arrays.stream(Hooks.class.getMethods())
                .filter(method -> Modifier.isStatic(method.getModifiers()))
                .map(method -> method.getName() + Type.getMethodDescriptor(method))
                .collect(Collectors.toSet());
        Set<String> emitted = new TreeSet<>();
        for (Rewritten rewritten : corpus) {
            hookCalls(rewritten.bytes()).forEach(call -> emitted.add(call.hook()));
        }

        assertThat(hooks).containsAll(emitted);
        assertThat(emitted).as("the corpus exercises most hooks").hasSizeGreaterThan(15);
        assertThat(emitted).contains("monitorEnter(Ljava/lang/Object;I)V", "atomic(Ljava/lang/Object;I)V",
                "threadStart(Ljava/lang/Thread;I)V", "objectWait(Ljava/lang/Object;JI)V");
    }

    /** A call of a hook from a method of the corpus. */
    record HookCall(String method, String hook) {
    }

    static List<HookCall> hookCalls(byte[] classFile) {
        List<HookCall> calls = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                String method = name + descriptor;
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String hook, String hookDescriptor,
                                                boolean isInterface) {
                        if (owner.equals(HOOKS)) {
                            assertThat(opcode).isEqualTo(Opcodes.INVOKESTATIC);
                            calls.add(new HookCall(method, hook + hookDescriptor));
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG);
        return calls;
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private record ClassFile(String name, byte[] bytes) {
    }

    private static List<ClassFile> classFiles(Path location) throws IOException {
        List<ClassFile> files = new ArrayList<>();
        if (Files.isDirectory(location)) {
            Path fixtures = location.resolve(Fixtures.PACKAGE.replace('.', '/'));
            try (Stream<Path> paths = Files.walk(fixtures)) {
                for (Path path : paths.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                    String name = location.relativize(path).toString().replace('\\', '/');
                    files.add(new ClassFile(binaryName(name), Files.readAllBytes(path)));
                }
            }
            return files;
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.endsWith(".class") && !name.endsWith("module-info.class") && !name.startsWith("META-INF/")) {
                    try (var in = jar.getInputStream(entry)) {
                        files.add(new ClassFile(binaryName(name), in.readAllBytes()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return files;
    }

    private static String binaryName(String classFile) {
        return classFile.substring(0, classFile.length() - ".class".length()).replace('/', '.');
    }
}
