package dev.racetest.instrument;

import dev.racetest.instrument.hooks.IdentityHooks;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;

/**
 * Replace identity hash codes with the handler's, through {@link IdentityHooks}.
 *
 * <ul>
 *   <li>{@code System.identityHashCode(o)} and {@code super.hashCode()} into {@code Object}
 *       ({@code invokespecial Object.hashCode}) become {@code IdentityHooks.identityHashCode(o)};</li>
 *   <li>every other call of {@code hashCode()}, virtual or through an interface, becomes
 *       {@code IdentityHooks.hashCode(o)}, which decides at run time whether the receiver's class
 *       hashes by identity: the owner named in the call says little, since most receivers are
 *       reached through {@code Object} or an interface. Owners whose {@code hashCode()} is known to be
 *       their own (strings and boxes) are left alone.</li>
 * </ul>
 * Method references to either ({@code Object::hashCode}) are retargeted to the hook
 * ({@link MethodReferenceRouter}). Not scheduling points. Applies everywhere, static initialisers
 * included. {@link IdentityHashCodeAdder} covers the calls this cannot see, those the JDK makes itself.
 */
final class IdentityHashRewriter extends MethodRewriter {

    private static final Type HOOKS = Type.getType(IdentityHooks.class);
    private static final String OBJECT = Type.getInternalName(Object.class);
    private static final String HASH_CODE = "hashCode" + Type.getMethodDescriptor(Type.INT_TYPE);
    private static final String IDENTITY_HASH_CODE = Type.getInternalName(System.class) + '.'
            + PublicMethods.key(System.class, "identityHashCode", Object.class);
    private static final Method IDENTITY_HOOK = PublicMethods.resolve(IdentityHooks.class, "identityHashCode", Object.class);
    private static final Method HASH_CODE_HOOK = PublicMethods.resolve(IdentityHooks.class, "hashCode", Object.class);

    /** Final JDK classes with a {@code hashCode()} of their own: calls on them need no run-time check. */
    private static final Set<String> OWN_HASH_CODE = Set.of(
            Type.getInternalName(String.class), Type.getInternalName(Integer.class), Type.getInternalName(Long.class),
            Type.getInternalName(Short.class), Type.getInternalName(Byte.class), Type.getInternalName(Character.class),
            Type.getInternalName(Boolean.class), Type.getInternalName(Float.class), Type.getInternalName(Double.class));

    /**
     * Whether the class extends {@code Object} directly: only then does {@code invokespecial
     * Object.hashCode} reach {@code Object}'s; elsewhere the JVM starts the lookup at the direct
     * superclass, which may override it.
     */
    private boolean extendsObject;

    IdentityHashRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.ALL_METHODS);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        extendsObject = OBJECT.equals(superName);
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    MethodVisitor adapter(MethodVisitor next, int access, String name, String descriptor) {
        return new Adapter(next, context(), access, name, descriptor, extendsObject);
    }

    private static final class Adapter extends SyncPointAdapter {
        private final boolean extendsObject;

        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor,
                boolean extendsObject) {
            super(next, context, access, name, descriptor);
            this.extendsObject = extendsObject;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            boolean hashCode = HASH_CODE.equals(name + descriptor);
            if (opcode == INVOKESTATIC && IDENTITY_HASH_CODE.equals(owner + '.' + name + descriptor)
                    || opcode == INVOKESPECIAL && hashCode && owner.equals(OBJECT) && extendsObject) {
                invokeStatic(HOOKS, IDENTITY_HOOK);
            } else if ((opcode == INVOKEVIRTUAL || opcode == INVOKEINTERFACE) && hashCode
                    && !OWN_HASH_CODE.contains(owner)) {
                invokeStatic(HOOKS, HASH_CODE_HOOK);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }
    }
}
