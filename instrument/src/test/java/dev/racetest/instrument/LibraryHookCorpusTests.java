package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.fixtures.instrument.LibraryCalls;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrite the JUnit engine jars (real users of {@code java.util.concurrent}) and the library fixture, and
 * check that every call the library and blocking call rewriters emit into the hooks package resolves to a
 * public static method, and that each family of those hooks shows up.
 */
class LibraryHookCorpusTests {

    private static final String HOOKS_PACKAGE = "dev/racetest/instrument/hooks/";

    @Test
    void everyEmittedHookResolvesToAPublicStaticMethod() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        ClassRewriter rewriter = new ClassRewriter();
        Set<String> emitted = new TreeSet<>();
        for (Path jar : List.of(location(JupiterTestEngine.class), location(EngineDiscoveryRequest.class))) {
            try (JarFile file = new JarFile(jar.toFile())) {
                for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    if (name.endsWith(".class") && !name.endsWith("module-info.class") && !name.startsWith("META-INF/")) {
                        byte[] bytes;
                        try (InputStream in = file.getInputStream(file.getJarEntry(name))) {
                            bytes = in.readAllBytes();
                        }
                        emitted.addAll(hookCalls(rewriter.rewrite(binaryName(name), bytes, loader)));
                    }
                }
            }
        }
        emitted.addAll(hookCalls(rewriter.rewrite(LibraryCalls.class.getName(), Fixtures.bytes(LibraryCalls.class),
                loader)));

        List<String> unresolved = new ArrayList<>();
        for (String call : emitted) {
            if (!resolves(call)) {
                unresolved.add(call);
            }
        }
        assertThat(unresolved).isEmpty();
        assertThat(emitted).contains(
                "LibraryHooks.libraryCall(Ljava/lang/Object;I)V",
                "LibraryHooks.collectionCall(Ljava/lang/Object;I)V",
                "LibraryHooks.interfaceCall(Ljava/lang/Object;I)V",
                "QueueWaits.poll(Ljava/util/concurrent/BlockingQueue;JLjava/util/concurrent/TimeUnit;I)Ljava/lang/Object;",
                "LockWaits.await(Ljava/util/concurrent/locks/Condition;I)V",
                "ParkCalls.park(Ljava/lang/Object;I)V",
                "ParkCalls.unpark(Ljava/lang/Thread;I)V",
                "TimeUnitCalls.sleep(Ljava/util/concurrent/TimeUnit;JI)V");
    }

    /** Return {@code Owner.name(descriptor)} for every call of a class in the hooks package, asserting it is static. */
    private static List<String> hookCalls(byte[] classFile) {
        List<String> calls = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String hook, String hookDescriptor,
                                                boolean isInterface) {
                        if (owner.startsWith(HOOKS_PACKAGE)) {
                            assertThat(opcode).isEqualTo(Opcodes.INVOKESTATIC);
                            calls.add(owner.substring(HOOKS_PACKAGE.length()) + "." + hook + hookDescriptor);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG);
        return calls;
    }

    private static boolean resolves(String call) throws ClassNotFoundException {
        int dot = call.indexOf('.');
        int parenthesis = call.indexOf('(');
        Class<?> owner = Class.forName("dev.racetest.instrument.hooks." + call.substring(0, dot));
        String name = call.substring(dot + 1, parenthesis);
        String descriptor = call.substring(parenthesis);
        for (Method method : owner.getMethods()) {
            if (method.getName().equals(name) && Type.getMethodDescriptor(method).equals(descriptor)
                    && Modifier.isStatic(method.getModifiers())) {
                return true;
            }
        }
        return false;
    }

    private static Path location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String binaryName(String classFile) {
        return classFile.substring(0, classFile.length() - ".class".length()).replace('/', '.');
    }
}
