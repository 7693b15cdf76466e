package dev.racetest.instrument;

import dev.racetest.instrument.hooks.UnsafeAccesses;
import java.lang.reflect.Field;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;

/**
 * Report each field offset a program gets from {@code sun.misc.Unsafe} ({@code objectFieldOffset(Field)},
 * {@code staticFieldOffset(Field)}) to {@link UnsafeAccesses}, static initialisers included, since that is
 * where offsets are taken: later accesses through the offset are then accesses of that field.
 */
final class UnsafeOffsetRewriter extends MethodRewriter {

    /** Named, not referenced: {@code sun.misc.Unsafe} is not for racetest's own code. */
    private static final String UNSAFE = "sun/misc/Unsafe";
    private static final String FIELD_TO_OFFSET = "(Ljava/lang/reflect/Field;)J";
    private static final Type HOOKS = Type.getType(UnsafeAccesses.class);
    private static final Method FIELD_OFFSET =
            PublicMethods.resolve(UnsafeAccesses.class, "fieldOffset", long.class, Field.class);

    UnsafeOffsetRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.ALL_METHODS);
    }

    @Override
    MethodVisitor adapter(MethodVisitor next, int access, String name, String descriptor) {
        return new Adapter(next, context(), access, name, descriptor);
    }

    private static final class Adapter extends SyncPointAdapter {
        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
            super(next, context, access, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            boolean offset = opcode == INVOKEVIRTUAL && owner.equals(UNSAFE) && descriptor.equals(FIELD_TO_OFFSET)
                    && (name.equals("objectFieldOffset") || name.equals("staticFieldOffset"));
            if (!offset) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return;
            }
            int field = stash(Type.getType(Field.class), 0);
            loadLocal(field);
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            dup2(); // the offset, for the hook; the original stays for the program
            loadLocal(field);
            invokeStatic(HOOKS, FIELD_OFFSET);
        }
    }
}
