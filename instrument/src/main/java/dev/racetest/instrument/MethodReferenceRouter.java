package dev.racetest.instrument;

import java.lang.invoke.LambdaMetafactory;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Route method references ({@code System::nanoTime}, {@code Random::new}, {@code lock::newCondition})
 * whose call a rewriter redirects through a synthetic bridge that makes that call, so they are
 * redirected as the call would be.
 *
 * <p>javac compiles a method reference to an {@code invokedynamic} of {@code LambdaMetafactory}
 * whose second static argument is a handle to the method itself, so the call no rewriter would
 * otherwise see. Each method that holds such a reference is held back until its end; then a bridge
 * per reference ({@link MethodReferenceBridges}) goes through the rest of the chain first, and the
 * handle is replaced by one to the bridge only if some rewriter changed the bridge's call
 * ({@link MethodReferenceBridgeFilter} drops the others). The bridge has the handle's own type, so
 * the metafactory adapts to it exactly as it adapted to the handle, bound receivers and captured
 * arguments included.
 *
 * <p>Left alone: serializable references, whose serialized form names the implementation method and
 * must match the class's {@code $deserializeLambda$}; handles to the class's own methods (its lambda
 * bodies among them), which are rewritten where they are; {@code super::m}, array and special
 * handles; and a superclass's method from another package, which may be {@code protected}, and then
 * only a handle (not a static bridge) may call it on any receiver.
 */
final class MethodReferenceRouter extends ClassVisitor {

    private static final String LAMBDA_METAFACTORY = Type.getInternalName(LambdaMetafactory.class);

    private static final String OBJECT = Type.getInternalName(Object.class);
    /** The protected methods of {@code Object}, the one superclass of every class. */
    private static final Set<String> OBJECT_PROTECTED = Set.of("clone", "finalize");

    private final ClassContext context;
    private final MethodReferenceBridges bridges;
    private boolean isInterface;

    MethodReferenceRouter(ClassVisitor next, ClassContext context) {
        super(Opcodes.ASM9, next);
        this.context = context;
        this.bridges = context.bridges();
    }

    /**
     * Return whether the class {@code reader} reads names {@code LambdaMetafactory} in its constant pool;
     * one that does not has no method references and need not be held back.
     */
    static boolean mentionsLambdaMetafactory(ClassReader reader) {
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            // getItem answers the entry's offset plus one, past its tag; 0 for the unused slot after a long.
            if (offset > 0 && reader.readByte(offset - 1) == 7
                    && LAMBDA_METAFACTORY.equals(reader.readUTF8(offset, buffer))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        if (!context.mayReferenceMethods() || context.leavesAsItIs(name, descriptor)) {
            return super.visitMethod(access, name, descriptor, signature, exceptions);
        }
        return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
            @Override
            public void visitEnd() {
                super.visitEnd();
                route(this);
            }
        };
    }

    /** Send the bridges {@code method} needs through the chain, retarget its references, then send it. */
    private void route(MethodNode method) {
        int line = -1;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LineNumberNode lineNumber) {
                line = lineNumber.line;
            } else if (insn instanceof InvokeDynamicInsnNode call && isPlainReference(call)
                    && call.bsmArgs[1] instanceof Handle target && bridgeable(target)) {
                MethodReferenceBridges.Bridge bridge = bridges.bridgeFor(context.internalName(), isInterface, target,
                        Type.getArgumentTypes(call.desc), method.name, line);
                if (!bridges.judged(bridge)) {
                    bridge.plain().accept(cv);
                }
                if (bridges.rewritten(bridge)) {
                    Object[] arguments = call.bsmArgs.clone();
                    arguments[1] = bridge.handle();
                    call.bsmArgs = arguments;
                }
            }
        }
        method.accept(cv);
    }

    /**
     * Whether {@code call} makes a functional interface object of a method reference the metafactory
     * may be given another implementation for: not a serializable one.
     */
    private static boolean isPlainReference(InvokeDynamicInsnNode call) {
        Handle bootstrap = call.bsm;
        if (!bootstrap.getOwner().equals(LAMBDA_METAFACTORY) || call.bsmArgs.length < 3) {
            return false;
        }
        return switch (bootstrap.getName()) {
            case "metafactory" -> true;
            case "altMetafactory" -> call.bsmArgs.length > 3 && call.bsmArgs[3] instanceof Integer flags
                    && (flags & LambdaMetafactory.FLAG_SERIALIZABLE) == 0;
            default -> false;
        };
    }

    private boolean bridgeable(Handle target) {
        String owner = target.getOwner();
        if (owner.startsWith("[") || owner.equals(context.internalName())) {
            return false;
        }
        return switch (target.getTag()) {
            case Opcodes.H_INVOKESTATIC, Opcodes.H_INVOKEINTERFACE, Opcodes.H_NEWINVOKESPECIAL -> true;
            case Opcodes.H_INVOKEVIRTUAL -> OBJECT.equals(owner) ? !OBJECT_PROTECTED.contains(target.getName())
                    : samePackage(owner, context.internalName())
                            || !context.hierarchy().isSubtypeOf(context.internalName(), owner);
            default -> false;
        };
    }

    private static boolean samePackage(String a, String b) {
        return a.substring(0, Math.max(0, a.lastIndexOf('/'))).equals(b.substring(0, Math.max(0, b.lastIndexOf('/'))));
    }
}
