package dev.racetest.instrument;

import java.io.IOException;
import java.io.Serializable;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.SerialVersionUIDAdder;

/**
 * Give a serializable class without a {@code serialVersionUID} the one the JVM computes for the
 * original class file, so rewriting does not change it.
 *
 * <p>The JVM derives a missing serial version from the class's members and their modifiers, and
 * rewriting changes both: {@link IdentityHashCodeAdder} adds {@code hashCode()}, and
 * {@link SynchronizedMethodRewriter} drops {@code ACC_SYNCHRONIZED}. Without the pinned value an
 * instrumented class could not read what the original wrote, nor the other way round. First in the
 * chain, so it sees the class as compiled; ASM's {@link SerialVersionUIDAdder} computes the value.
 * Interfaces, enums and records are left alone: their serial version is fixed or unused.
 */
final class SerialVersionPinner extends SerialVersionUIDAdder {

    private static final String SERIALIZABLE = Type.getInternalName(Serializable.class);
    private static final String RECORD = Type.getInternalName(Record.class);

    private final ClassContext context;
    private boolean serializable;

    SerialVersionPinner(ClassVisitor next, ClassContext context) {
        super(Opcodes.ASM9, next);
        this.context = context;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        serializable = (access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ENUM)) == 0 && !RECORD.equals(superName)
                && context.hierarchy().isSubtypeOf(name, SERIALIZABLE);
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    protected long computeSVUID() throws IOException {
        // Called for every class without the field; the digest is only worth it for serializable ones.
        return serializable ? super.computeSVUID() : 0;
    }

    @Override
    protected void addSVUID(long svuid) {
        if (serializable) {
            int access = Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC;
            FieldVisitor field = super.visitField(access, "serialVersionUID", Type.LONG_TYPE.getDescriptor(), null, svuid);
            if (field != null) {
                field.visitEnd();
            }
        }
    }
}
