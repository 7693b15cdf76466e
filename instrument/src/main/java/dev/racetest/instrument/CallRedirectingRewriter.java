package dev.racetest.instrument;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;

/**
 * The shell of a rewriter that sends JDK calls to substitutes: the rewriter declares which calls (through
 * {@link #redirect}, usually a lookup in its {@link RedirectedCall.Table}) and, if any, which JDK class's
 * {@code new} expressions; this class rewrites them.
 *
 * <p>A redirected call becomes a call of its substitute. A {@code new} of the JDK class becomes a
 * {@code new} of its substitute, while a user subclass keeps its real superclass
 * ({@link ConstructorSubstitution}). Method and constructor references to either are redirected alike,
 * through a bridge ({@link MethodReferenceRouter}). Classes of {@code dev.racetest.substitutes} are
 * left alone, so that the substitutes reach the JDK. Applies everywhere, static initialisers included.
 */
abstract class CallRedirectingRewriter extends MethodRewriter {

    private final ConstructorSubstitution.Classes constructors;

    /** {@code constructors} is {@code null} for a rewriter that substitutes no {@code new} expressions. */
    CallRedirectingRewriter(ClassVisitor next, ClassContext context, ConstructorSubstitution.Classes constructors) {
        super(next, context, Scope.ALL_METHODS);
        this.constructors = constructors;
    }

    /**
     * Return the substitute for a call with {@code opcode} on {@code owner} (or for the method a handle
     * names), {@code key} being its name + descriptor and {@code isInterface} whether it names an
     * interface method; {@code null} to leave it alone.
     *
     * <p>Each rewriter implements this itself rather than handing its table to this class, because
     * {@link ClassRewriter} blames a failure (such as a class file the hierarchy cannot read) on the
     * innermost rewriter class on the stack, and this shared class is none.
     */
    abstract RedirectedCall redirect(int opcode, String owner, String key, boolean isInterface);

    @Override
    final MethodVisitor adapter(MethodVisitor next, int access, String name, String descriptor) {
        if (SubstituteMethod.isSubstitute(context().internalName())) {
            return next;
        }
        return new Adapter(next, access, name, descriptor);
    }

    private final class Adapter extends SyncPointAdapter {
        /** {@code null} when the rewriter substitutes no {@code new} expressions. */
        private final ConstructorSubstitution substitution =
                constructors == null ? null : new ConstructorSubstitution(constructors);

        Adapter(MethodVisitor next, int access, String name, String descriptor) {
            super(next, CallRedirectingRewriter.this.context(), access, name, descriptor);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            super.visitTypeInsn(opcode, substitution == null ? type : substitution.typeInstruction(opcode, type));
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            RedirectedCall redirect = redirect(opcode, owner, name + descriptor, isInterface);
            if (redirect != null) {
                redirect.emit(this);
            } else if (opcode == INVOKESPECIAL && substitution != null) {
                super.visitMethodInsn(opcode, substitution.specialCallOwner(owner, name), name, descriptor,
                        isInterface);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }
    }
}
