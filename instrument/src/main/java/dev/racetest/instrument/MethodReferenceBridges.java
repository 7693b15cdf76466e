package dev.racetest.instrument;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The synthetic bridge methods of one class that method references are routed through, shared by
 * {@link MethodReferenceRouter}, which makes them, and {@link MethodReferenceBridgeFilter}, which
 * keeps only those the rewriters changed.
 *
 * <p>A bridge does nothing but the plain call the reference stands for ({@code System::nanoTime}
 * becomes a static method whose body is {@code return System.nanoTime();}), so every rewriter that
 * redirects that call at a call site redirects it in the bridge too, with no table of its own. The
 * bridge's type is the type of the method handle it replaces (a virtual method's receiver first, a
 * constructor returning its class), so the {@code invokedynamic}'s other arguments stay valid as
 * they are. It carries the line of the reference, and sites found in it are registered under the
 * method that holds the reference ({@link #siteMethod}). One per rewrite; confined to its thread.
 */
final class MethodReferenceBridges {

    /** The prefix of every bridge's name. */
    static final String PREFIX = "racetest$ref$";

    /**
     * One bridge.
     *
     * @param handle   the handle to the bridge, for the {@code invokedynamic}
     * @param plain    the bridge as made, before any rewriter saw it
     * @param referrer the method whose code holds the reference
     */
    record Bridge(Handle handle, MethodNode plain, String referrer) {
    }

    /** Whether each bridge, by name, came out of the rewriters changed; absent until it came out. */
    private final Map<String, Boolean> rewritten = new HashMap<>();
    private final Map<String, Bridge> byName = new HashMap<>();
    private final Map<String, Bridge> byReference = new HashMap<>();

    /**
     * Return the bridge, in class {@code owner}, for a reference to {@code target} at {@code line} of
     * {@code referrer} that captures values of {@code captured} types: the one made before for the same
     * reference, or a new one.
     */
    Bridge bridgeFor(String owner, boolean ownerIsInterface, Handle target, Type[] captured, String referrer,
                     int line) {
        String descriptor = descriptor(target, captured);
        String key = referrer + ' ' + line + ' ' + target + ' ' + descriptor;
        Bridge existing = byReference.get(key);
        if (existing != null) {
            return existing;
        }
        String name = PREFIX + (target.getTag() == Opcodes.H_NEWINVOKESPECIAL ? "new" : target.getName()) + '$'
                + byName.size();
        Bridge bridge = new Bridge(new Handle(Opcodes.H_INVOKESTATIC, owner, name, descriptor, ownerIsInterface),
                plainBody(name, descriptor, target, line), referrer);
        byName.put(name, bridge);
        byReference.put(key, bridge);
        return bridge;
    }

    /** Return the bridge called {@code name}, or {@code null} for any other method. */
    Bridge named(String name) {
        return name.startsWith(PREFIX) ? byName.get(name) : null;
    }

    /** Return whether {@code bridge} has been through the rewriters. */
    boolean judged(Bridge bridge) {
        return rewritten.containsKey(bridge.handle().getName());
    }

    /** Record what became of the bridge called {@code name}: whether a rewriter changed its code. */
    void judged(String name, boolean changed) {
        rewritten.put(name, changed);
    }

    /**
     * Return whether a rewriter changed {@code bridge}, which must have been through the rewriters: a
     * rewriter that held a method back until later would break the router's assumption, so it fails.
     */
    boolean rewritten(Bridge bridge) {
        Boolean changed = rewritten.get(bridge.handle().getName());
        if (changed == null) {
            throw new IllegalStateException("bridge " + bridge.handle().getName() + " did not come out of the rewriters");
        }
        return changed;
    }

    /** Return the method a site found in method {@code methodName} belongs to: for a bridge, its referrer. */
    String siteMethod(String methodName) {
        Bridge bridge = named(methodName);
        return bridge == null ? methodName : bridge.referrer();
    }

    /**
     * Return the bridge's type: that of the method handle {@code target} (its descriptor, receiver first,
     * or returning its class), except that its first parameters are the {@code captured} types, which
     * the metafactory wants exactly (javac may capture a receiver of a subtype of the method's class).
     */
    static String descriptor(Handle target, Type[] captured) {
        Type owner = Type.getObjectType(target.getOwner());
        Type[] arguments = Type.getArgumentTypes(target.getDesc());
        Type returned = Type.getReturnType(target.getDesc());
        Type[] parameters = switch (target.getTag()) {
            case Opcodes.H_INVOKESTATIC -> arguments;
            case Opcodes.H_NEWINVOKESPECIAL -> {
                returned = owner;
                yield arguments;
            }
            default -> {
                Type[] withReceiver = new Type[arguments.length + 1];
                withReceiver[0] = owner;
                System.arraycopy(arguments, 0, withReceiver, 1, arguments.length);
                yield withReceiver;
            }
        };
        System.arraycopy(captured, 0, parameters, 0, Math.min(captured.length, parameters.length));
        return Type.getMethodDescriptor(returned, parameters);
    }

    private static MethodNode plainBody(String name, String descriptor, Handle target, int line) {
        MethodNode bridge = new MethodNode(Opcodes.ASM9, Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                name, descriptor, null, null);
        bridge.visitCode();
        if (line >= 0) {
            Label start = new Label();
            bridge.visitLabel(start);
            bridge.visitLineNumber(line, start);
        }
        int opcode = switch (target.getTag()) {
            case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
            case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
            case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
            case Opcodes.H_NEWINVOKESPECIAL -> Opcodes.INVOKESPECIAL;
            default -> throw new IllegalArgumentException("no bridge for a handle of kind " + target.getTag());
        };
        if (opcode == Opcodes.INVOKESPECIAL) {
            bridge.visitTypeInsn(Opcodes.NEW, target.getOwner());
            bridge.visitInsn(Opcodes.DUP);
        }
        int slot = 0;
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            bridge.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
            slot += argument.getSize();
        }
        bridge.visitMethodInsn(opcode, target.getOwner(), target.getName(), target.getDesc(), target.isInterface());
        bridge.visitInsn(Type.getReturnType(descriptor).getOpcode(Opcodes.IRETURN));
        bridge.visitMaxs(0, 0);
        bridge.visitEnd();
        return bridge;
    }

    /**
     * Return whether {@code a} and {@code b} hold the same instructions, labels, line numbers and frames
     * aside. Only the kinds of instruction a plain bridge has are compared by content; any other kind
     * counts as a difference, which at worst keeps a bridge that was not needed.
     */
    static boolean sameCode(InsnList a, InsnList b) {
        AbstractInsnNode left = next(a.getFirst());
        AbstractInsnNode right = next(b.getFirst());
        while (left != null && right != null) {
            if (!same(left, right)) {
                return false;
            }
            left = next(left.getNext());
            right = next(right.getNext());
        }
        return left == null && right == null;
    }

    private static AbstractInsnNode next(AbstractInsnNode from) {
        AbstractInsnNode insn = from;
        while (insn instanceof LabelNode || insn instanceof LineNumberNode || insn instanceof FrameNode) {
            insn = insn.getNext();
        }
        return insn;
    }

    private static boolean same(AbstractInsnNode a, AbstractInsnNode b) {
        if (a.getOpcode() != b.getOpcode() || a.getClass() != b.getClass()) {
            return false;
        }
        return switch (a) {
            case InsnNode ignored -> true;
            case VarInsnNode var -> var.var == ((VarInsnNode) b).var;
            case TypeInsnNode type -> type.desc.equals(((TypeInsnNode) b).desc);
            case MethodInsnNode call -> {
                MethodInsnNode other = (MethodInsnNode) b;
                yield call.owner.equals(other.owner) && call.name.equals(other.name) && call.desc.equals(other.desc)
                        && call.itf == other.itf;
            }
            default -> false;
        };
    }
}
