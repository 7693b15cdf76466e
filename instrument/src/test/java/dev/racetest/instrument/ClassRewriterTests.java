package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.fixtures.instrument.ArrayFixture;
import dev.racetest.instrument.hooks.Hooks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.util.CheckClassAdapter;

/** Rewrite generated classes of shapes javac no longer emits. */
class ClassRewriterTests {

    private static final String OLD_STYLE = "dev/racetest/fixtures/instrument/OldStyle";

    @Test
    void inlinesSubroutinesOfOldClassFilesAndKeepsTheirBehaviour() throws Exception {
        byte[] rewritten = new ClassRewriter().rewrite(OLD_STYLE.replace('/', '.'), oldStyleClass(),
                ClassRewriterTests.class.getClassLoader());

        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(rewritten), ClassRewriterTests.class.getClassLoader(), false,
                new PrintWriter(problems));
        assertThat(problems.toString()).isEmpty();
        assertThat(GoldenTests.render(rewritten, "run")).doesNotContainPattern("\\s(JSR|RET) ")
                .contains("Hooks.monitorEnter", "Hooks.fieldWrite");

        Class<?> defined = new ByteLoader().define(OLD_STYLE.replace('/', '.'), rewritten);
        RecordingHandler recorder = new RecordingHandler();
        Hooks.bind(recorder);
        Object result;
        try {
            result = defined.getMethod("run").invoke(null);
        } finally {
            Hooks.unbind();
        }
        assertThat(result).isEqualTo(2);
        assertThat(recorder.lines()).containsExactly(
                "MONITOR_ENTER synchronized OldStyle.run @-1",
                "FIELD_READ OldStyle.count @-1",
                "FIELD_WRITE OldStyle.count @-1",
                "FIELD_READ OldStyle.count @-1",
                "FIELD_WRITE OldStyle.count @-1",
                "FIELD_READ OldStyle.count @-1",
                "MONITOR_EXIT synchronized OldStyle.run @-1");
    }

    /**
     * Return a Java 1.4 class whose {@code static synchronized int run()} calls a subroutine twice
     * that increments a static field, then returns the field.
     */
    private static byte[] oldStyleClass() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V1_4, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, OLD_STYLE, null, "java/lang/Object", null);
        writer.visitField(Opcodes.ACC_STATIC, "count", "I", null, null).visitEnd();
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor run = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNCHRONIZED,
                "run", "()I", null, null);
        run.visitCode();
        Label subroutine = new Label();
        Label done = new Label();
        run.visitJumpInsn(Opcodes.JSR, subroutine);
        run.visitJumpInsn(Opcodes.JSR, subroutine);
        run.visitJumpInsn(Opcodes.GOTO, done);
        run.visitLabel(subroutine);
        run.visitVarInsn(Opcodes.ASTORE, 0);
        run.visitFieldInsn(Opcodes.GETSTATIC, OLD_STYLE, "count", "I");
        run.visitInsn(Opcodes.ICONST_1);
        run.visitInsn(Opcodes.IADD);
        run.visitFieldInsn(Opcodes.PUTSTATIC, OLD_STYLE, "count", "I");
        run.visitVarInsn(Opcodes.RET, 0);
        run.visitLabel(done);
        run.visitFieldInsn(Opcodes.GETSTATIC, OLD_STYLE, "count", "I");
        run.visitInsn(Opcodes.IRETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    @Test
    void rewritesWithoutLoadingAnyClass() {
        ClassLoader resourcesOnly = new ClassLoader(null) {
            @Override
            public URL getResource(String name) {
                return ClassRewriterTests.class.getClassLoader().getResource(name);
            }

            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                throw new ClassNotFoundException("rewriting must not load " + name);
            }
        };

        byte[] rewritten = new ClassRewriter().rewrite(ArrayFixture.class.getName(),
                Fixtures.bytes(ArrayFixture.class), resourcesOnly);

        assertThat(CorpusRoundTripTests.hookCalls(rewritten)).isNotEmpty();
    }

    /** Define classes from bytes in a fresh loader over the test class path. */
    private static final class ByteLoader extends ClassLoader {
        ByteLoader() {
            super(ClassRewriterTests.class.getClassLoader());
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
