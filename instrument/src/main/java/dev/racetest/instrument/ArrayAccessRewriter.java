package dev.racetest.instrument;

import dev.racetest.instrument.hooks.SyncPointKind;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Put a {@code Hooks.arrayRead/arrayWrite(array, index, site)} call before every array element access;
 * the access itself stays.
 *
 * <p>For loads the array and index are on top of the stack and are duplicated; for stores the value
 * sits above them and is stashed in a scratch local first. Static initialisers are left alone: they
 * run pinned and atomically.
 */
final class ArrayAccessRewriter extends MethodRewriter {

    ArrayAccessRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.OUTSIDE_STATIC_INITIALIZERS);
    }

    @Override
    MethodVisitor adapter(MethodVisitor next, int access, String name, String descriptor) {
        return new Adapter(next, context(), access, name, descriptor);
    }

    /** Return the element type an array instruction moves; {@code BALOAD} serves byte and boolean arrays. */
    private static Type elementType(int opcode) {
        return switch (opcode) {
            case Opcodes.IALOAD, Opcodes.IASTORE -> Type.INT_TYPE;
            case Opcodes.LALOAD, Opcodes.LASTORE -> Type.LONG_TYPE;
            case Opcodes.FALOAD, Opcodes.FASTORE -> Type.FLOAT_TYPE;
            case Opcodes.DALOAD, Opcodes.DASTORE -> Type.DOUBLE_TYPE;
            case Opcodes.BALOAD, Opcodes.BASTORE -> Type.BYTE_TYPE;
            case Opcodes.CALOAD, Opcodes.CASTORE -> Type.CHAR_TYPE;
            case Opcodes.SALOAD, Opcodes.SASTORE -> Type.SHORT_TYPE;
            case Opcodes.AALOAD, Opcodes.AASTORE -> Type.getType(Object.class);
            default -> null;
        };
    }

    private static final class Adapter extends SyncPointAdapter {
        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
            super(next, context, access, name, descriptor);
        }

        @Override
        public void visitInsn(int opcode) {
            Type element = elementType(opcode);
            if (element != null) {
                String target = element.getClassName().replace("java.lang.", "") + "[]";
                if (opcode >= IALOAD && opcode <= SALOAD) {
                    dup2();
                    callHook(HookMethod.ARRAY_READ, SyncPointKind.ARRAY_READ, target);
                } else {
                    int value = stash(element, 0);
                    dup2();
                    callHook(HookMethod.ARRAY_WRITE, SyncPointKind.ARRAY_WRITE, target);
                    loadLocal(value);
                }
            }
            super.visitInsn(opcode);
        }
    }
}
