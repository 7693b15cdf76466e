package dev.racetest.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Load fixture classes and their bytes, find the lines their {@code // line:} markers point at, and
 * rewrite them: with the full chain, or with a few stages only, for golden listings that other
 * rewriters' changes do not touch.
 */
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

    /** Return {@code type}'s class file rewritten by the full chain. */
    static byte[] fullRewrite(Class<?> type) {
        return new ClassRewriter().rewrite(type.getName(), bytes(type), Fixtures.class.getClassLoader());
    }

    /**
     * Return {@code type}'s class file rewritten by {@code stages} only, in their order in {@link ClassRewriter},
     * between the method-reference router and bridge filter, so that references are redirected as the
     * stages redirect calls.
     */
    static byte[] rewriteWith(List<BiFunction<ClassVisitor, ClassContext, ClassVisitor>> stages, Class<?> type) {
        ClassHierarchy hierarchy = ClassHierarchy.of(Fixtures.class.getClassLoader());
        ClassContext context = new ClassContext(hierarchy);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                return hierarchy.commonSuperClass(type1, type2);
            }
        };
        ClassVisitor chain = new MethodReferenceBridgeFilter(writer, context);
        for (BiFunction<ClassVisitor, ClassContext, ClassVisitor> stage : stages.reversed()) {
            chain = stage.apply(chain, context);
        }
        chain = new MethodReferenceRouter(chain, context);
        new ClassReader(bytes(type)).accept(new ClassContext.Collector(chain, context), ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    /** Return what the bytecode verifier finds wrong with {@code classFile}: empty when nothing. */
    static String verificationProblems(byte[] classFile) {
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(classFile), Fixtures.class.getClassLoader(), false,
                new PrintWriter(problems));
        return problems.toString();
    }

    /**
     * Add each call instruction of {@code classFile} to {@code calls}, as {@code "opcode owner.name(descriptor"}
     * (see {@link ListedCall}), and the type of each {@code NEW} to {@code news}.
     */
    static void collectCalls(byte[] classFile, List<String> calls, List<String> news) {
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        if (opcode == Opcodes.NEW) {
                            news.add(type);
                        }
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                                                boolean isInterface) {
                        calls.add(opcode + " " + owner + "." + method + methodDescriptor);
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG);
    }

    /** A call as {@link #collectCalls} lists it, taken apart. */
    record ListedCall(String listed, int opcode, String owner, String name, String descriptor) {

        static ListedCall parse(String listed) {
            String[] parts = listed.split(" ", 2);
            String owner = parts[1].substring(0, parts[1].lastIndexOf('.', parts[1].indexOf('(')));
            String nameAndDescriptor = parts[1].substring(owner.length() + 1);
            String name = nameAndDescriptor.substring(0, nameAndDescriptor.indexOf('('));
            String descriptor = nameAndDescriptor.substring(name.length());
            return new ListedCall(listed, Integer.parseInt(parts[0]), owner, name, descriptor);
        }

        /** Return the owner class, not initialised; a missing one fails the test. */
        Class<?> ownerClass() {
            try {
                return Class.forName(owner.replace('/', '.'), false, Fixtures.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(listed + " names a class that does not exist", e);
            }
        }

        /** Return name + descriptor of every public static method of the owner, declared or inherited. */
        List<String> ownerStaticMethods() {
            return Arrays.stream(ownerClass().getMethods())
                    .filter(method -> Modifier.isStatic(method.getModifiers()))
                    .map(method -> method.getName() + Type.getMethodDescriptor(method))
                    .toList();
        }
    }
}
