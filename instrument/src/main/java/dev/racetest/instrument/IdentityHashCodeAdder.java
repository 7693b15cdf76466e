package dev.racetest.instrument;

import dev.racetest.instrument.hooks.IdentityHooks;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;
import org.objectweb.asm.commons.Method;

/**
 * Give every class that inherits {@code Object.hashCode()} a synthetic override returning
 * {@code IdentityHooks.identityHashCode(this)}.
 *
 * <p>{@link IdentityHashRewriter} sees only the calls in rewritten code, but {@code HashMap},
 * {@code HashSet} and the other JDK hash tables call {@code hashCode()} themselves, so their iteration
 * order over user objects would still follow the JVM's identity hash codes. With the override they
 * follow the handler's, and so does the default {@code toString()}. Only classes extending
 * {@code Object} directly are candidates (a subclass inherits the override); interfaces, annotations,
 * {@code module-info} and {@code package-info} are not classes, and enums and records have a
 * superclass of their own. A class that declares {@code hashCode()} keeps it.
 *
 * <p>A plain {@code ClassVisitor}, last in the chain, so no other rewriter sees the method it adds.
 * {@link SerialVersionPinner} keeps the added method from changing the class's serial version.
 */
final class IdentityHashCodeAdder extends ClassVisitor {

    private static final String OBJECT = Type.getInternalName(Object.class);
    private static final Method HASH_CODE = new Method("hashCode", Type.INT_TYPE, new Type[0]);
    private static final Method IDENTITY_HOOK = PublicMethods.resolve(IdentityHooks.class, "identityHashCode", Object.class);

    private boolean candidate;
    private boolean declaresHashCode;

    IdentityHashCodeAdder(ClassVisitor next, ClassContext context) {
        super(Opcodes.ASM9, next);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        // module-info has no superclass; package-info and annotations are interfaces.
        candidate = OBJECT.equals(superName) && (access & Opcodes.ACC_INTERFACE) == 0;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        if (name.equals(HASH_CODE.getName()) && descriptor.equals(HASH_CODE.getDescriptor())) {
            declaresHashCode = true;
        }
        return super.visitMethod(access, name, descriptor, signature, exceptions);
    }

    @Override
    public void visitEnd() {
        if (candidate && !declaresHashCode) {
            int access = Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC;
            MethodVisitor next = super.visitMethod(access, HASH_CODE.getName(), HASH_CODE.getDescriptor(), null, null);
            if (next != null) {
                GeneratorAdapter method = new GeneratorAdapter(next, access, HASH_CODE.getName(),
                        HASH_CODE.getDescriptor());
                method.visitCode();
                method.loadThis();
                method.invokeStatic(Type.getType(IdentityHooks.class), IDENTITY_HOOK);
                method.returnValue();
                method.endMethod();
            }
        }
        super.visitEnd();
    }
}
