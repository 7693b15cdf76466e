package dev.racetest.libraries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The library test's verification catches what the JVM rejects, so its zero means something. */
class LinkingTests {

    private static final String NAME = "dev.racetest.libraries.generated.Returner";

    @Test
    void aClassWhoseMethodReturnsTheWrongTypeFailsVerification() {
        BytesLoader loader = new BytesLoader(getClass().getClassLoader(), Map.of(NAME, returner(Opcodes.ICONST_1)));

        String outcome = Linking.outcome(loader, NAME);

        assertThat(outcome).startsWith("java.lang.VerifyError");
        assertThat(Linking.isBadBytes(outcome)).isTrue();
    }

    @Test
    void aWellFormedClassLinks() {
        BytesLoader loader = new BytesLoader(getClass().getClassLoader(), Map.of(NAME, returner(Opcodes.ACONST_NULL)));

        assertThat(Linking.outcome(loader, NAME)).isEqualTo("linked");
    }

    @Test
    void aMissingSuperclassIsALinkageErrorButNotBadBytes() {
        BytesLoader loader = new BytesLoader(getClass().getClassLoader(),
                Map.of(NAME, classFile("dev/racetest/libraries/generated/Missing", Opcodes.ACONST_NULL)));

        String outcome = Linking.outcome(loader, NAME);

        assertThat(outcome).startsWith("java.lang.NoClassDefFoundError");
        assertThat(Linking.isBadBytes(outcome)).isFalse();
    }

    /** A class with {@code static String value()} that pushes {@code constant} and returns it. */
    private static byte[] returner(int constant) {
        return classFile("java/lang/Object", constant);
    }

    private static byte[] classFile(String superName, int constant) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V21, Opcodes.ACC_PUBLIC, NAME.replace('.', '/'), null, superName, null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "value",
                "()Ljava/lang/String;", null, null);
        method.visitCode();
        method.visitInsn(constant);
        method.visitInsn(Opcodes.ARETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
