package dev.racetest.instrument;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * Keep the method-reference bridges that some rewriter changed and drop the others, telling
 * {@link MethodReferenceRouter} which is which (through {@link MethodReferenceBridges}) so that it
 * retargets only the references whose call is redirected. Last in the chain, so that it sees each
 * bridge as every rewriter left it.
 */
final class MethodReferenceBridgeFilter extends ClassVisitor {

    private final MethodReferenceBridges bridges;

    MethodReferenceBridgeFilter(ClassVisitor next, ClassContext context) {
        super(Opcodes.ASM9, next);
        this.bridges = context.bridges();
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        MethodReferenceBridges.Bridge bridge = bridges.named(name);
        if (bridge == null) {
            return super.visitMethod(access, name, descriptor, signature, exceptions);
        }
        return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
            @Override
            public void visitEnd() {
                super.visitEnd();
                judge(this, bridge);
            }
        };
    }

    private void judge(MethodNode rewritten, MethodReferenceBridges.Bridge bridge) {
        boolean changed = !MethodReferenceBridges.sameCode(rewritten.instructions, bridge.plain().instructions);
        bridges.judged(rewritten.name, changed);
        if (changed) {
            rewritten.accept(cv);
        }
    }
}
