package dev.racetest.libraries;

import dev.racetest.instrument.hooks.Hooks;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** Count the methods of a class file, and those that call a racetest hook (the instrumented ones). */
record HookedMethods(int methods, int hooked) {

    private static final String HOOKS = Type.getInternalName(Hooks.class);

    static HookedMethods of(byte[] classFile) {
        Set<String> all = new HashSet<>();
        Set<String> hooked = new HashSet<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                String method = name + descriptor;
                all.add(method);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String hook, String hookDescriptor,
                                                boolean isInterface) {
                        if (owner.equals(HOOKS)) {
                            hooked.add(method);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new HookedMethods(all.size(), hooked.size());
    }
}
