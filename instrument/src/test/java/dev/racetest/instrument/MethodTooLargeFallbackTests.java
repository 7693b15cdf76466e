package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.racetest.instrument.hooks.Hooks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * A method that fits the JVM's 65535-byte code limit as compiled but not once rewritten is left as it
 * was, with one warning line naming it, and the rest of its class is still instrumented.
 */
class MethodTooLargeFallbackTests {

    private static final String HUGE = "com/acme/Huge";
    /** Each read is {@code aload_0; getfield; pop}: 5 bytes, so 13,000 of them and a return make 65,001. */
    private static final int READS = 13_000;

    private final ClassLoader testLoader = MethodTooLargeFallbackTests.class.getClassLoader();
    private final List<String> warnings = new ArrayList<>();
    private final ClassRewriter rewriter = new ClassRewriter(warnings::add);

    @Test
    void theGeneratedClassFitsAndLinksBeforeRewriting() {
        // ASM's writer would have thrown MethodTooLargeException past 65535 bytes; the JVM verifies it.
        assertThatCode(() -> link(hugeClass())).doesNotThrowAnyException();
    }

    @Test
    void aMethodThatWouldOutgrowTheLimitIsLeftAsItWasWithOneWarningLine() {
        byte[] rewritten = rewriter.rewrite("com.acme.Huge", hugeClass(), testLoader);

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0))
                .startsWith("racetest: method com.acme.Huge.touchAll()V is not instrumented")
                .contains("past the JVM limit of 65535")
                .doesNotContain("\n");
        assertThat(warnings.get(1)).startsWith("racetest: method com.acme.Huge.touchAllLocked()V is not instrumented");
        assertThat(warnings.getFirst().replaceAll(".* would be (\\d+) bytes.*", "$1")).satisfies(
                size -> assertThat(Integer.parseInt(size)).isGreaterThan(65_535));

        Map<String, MethodNode> methods = methods(rewritten);
        Map<String, MethodNode> originals = methods(hugeClass());
        assertThat(callsHooks(methods.get("touchAll()V"))).isFalse();
        assertThat(methods.get("touchAll()V").instructions.size())
                .isEqualTo(originals.get("touchAll()V").instructions.size());
        assertThat(methods.get("touchAllLocked()V").access & Opcodes.ACC_SYNCHRONIZED)
                .as("left as it was, it keeps its real monitor").isNotZero();
        assertThat(callsHooks(methods.get("touchOnce()V"))).as("the rest of the class is instrumented").isTrue();
    }

    @Test
    void theFallbackClassVerifies() {
        byte[] rewritten = rewriter.rewrite("com.acme.Huge", hugeClass(), testLoader);

        StringWriter report = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(rewritten), testLoader, false, new PrintWriter(report));

        assertThat(report.toString()).isBlank();
        assertThatCode(() -> link(rewritten)).as("the JVM's verifier agrees").doesNotThrowAnyException();
    }

    /** Define the class in a throwaway loader and make the JVM link (so verify) it, without initialising it. */
    private void link(byte[] classFile) throws ClassNotFoundException {
        ClassLoader throwaway = new ClassLoader(testLoader) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (!name.equals("com.acme.Huge")) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, classFile, 0, classFile.length);
            }
        };
        // Reflection links the class first (HotSpot's JVM_GetClassDeclaredFields), which verifies it.
        Class.forName("com.acme.Huge", false, throwaway).getDeclaredFields();
    }

    @Test
    void aClassThatFitsGivesNoWarning() {
        rewriter.rewrite("com.acme.Huge", smallClass(), testLoader);

        assertThat(warnings).isEmpty();
    }

    /**
     * A class with two methods reading a field 13,000 times (one of them synchronized): 65,001 bytes
     * each before rewriting, and a hook call per read after; and a method reading it once.
     */
    private static byte[] hugeClass() {
        return generate(READS);
    }

    private static byte[] smallClass() {
        return generate(10);
    }

    private static byte[] generate(int reads) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V21, Opcodes.ACC_PUBLIC, HUGE, null, "java/lang/Object", null);
        writer.visitField(0, "value", "I", null, null).visitEnd();
        reader(writer, "touchAll", 0, reads);
        reader(writer, "touchAllLocked", Opcodes.ACC_SYNCHRONIZED, reads);
        reader(writer, "touchOnce", 0, 1);
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void reader(ClassWriter writer, String name, int access, int reads) {
        MethodVisitor method = writer.visitMethod(access, name, "()V", null, null);
        method.visitCode();
        for (int i = 0; i < reads; i++) {
            method.visitVarInsn(Opcodes.ALOAD, 0);
            method.visitFieldInsn(Opcodes.GETFIELD, HUGE, "value", "I");
            method.visitInsn(Opcodes.POP);
        }
        method.visitInsn(Opcodes.RETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
    }

    private static Map<String, MethodNode> methods(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        Map<String, MethodNode> methods = new HashMap<>();
        node.methods.forEach(method -> methods.put(method.name + method.desc, method));
        return methods;
    }

    private static boolean callsHooks(MethodNode method) {
        String hooks = Type.getInternalName(Hooks.class);
        for (var insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && call.owner.equals(hooks)) {
                return true;
            }
        }
        return false;
    }
}
