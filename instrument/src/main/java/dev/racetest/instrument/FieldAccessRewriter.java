package dev.racetest.instrument;

import dev.racetest.instrument.hooks.SyncPointKind;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AdviceAdapter;

/**
 * Put a {@code Hooks.fieldRead/fieldWrite(owner, site)} call before every access of a non-final
 * field; the access itself stays.
 *
 * <p>{@code owner} is the instance, or {@code null} for a static field. For {@code putfield} the value
 * sits above the instance, so it is stashed in a scratch local while the instance is duplicated.
 * Accesses of volatile fields get the {@code VOLATILE_*} kinds. Flags come from the class that
 * declares the field, found through {@link ClassHierarchy} even when the instruction names a
 * subclass; a field whose class cannot be found counts as plain.
 *
 * <p>Left alone: final fields (no race on them after construction); everything in a constructor
 * before its {@code super(...)} or {@code this(...)} call, where {@code this} is still uninitialised
 * and cannot be passed to a method (JDK 25 lets constructors write fields there); and everything
 * in a static initialiser, which runs pinned and atomically.
 *
 * <p>Each site names the field as its declaring class does and says whether that declaration carries
 * {@code @dev.racetest.BenignRace} ({@link dev.racetest.instrument.hooks.SyncSite#field()},
 * {@link dev.racetest.instrument.hooks.SyncSite#benignRace()}): the race detector keys fields and
 * honours the annotation through the site alone, with no reflection at run time.
 */
final class FieldAccessRewriter extends MethodRewriter {

    FieldAccessRewriter(ClassVisitor next, ClassContext context) {
        super(next, context, Scope.OUTSIDE_STATIC_INITIALIZERS);
    }

    @Override
    MethodVisitor adapter(MethodVisitor next, int access, String name, String descriptor) {
        Adapter adapter = new Adapter(next, context(), access, name, descriptor);
        return "<init>".equals(name) ? new ConstructorTracker(adapter, access, name, descriptor) : adapter;
    }

    private static final class Adapter extends SyncPointAdapter {
        /** Whether {@code this} is initialised: always outside constructors, after super() inside. */
        private boolean initialized;

        Adapter(MethodVisitor next, ClassContext context, int access, String name, String descriptor) {
            super(next, context, access, name, descriptor);
            this.initialized = !"<init>".equals(name);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            if (initialized) {
                ClassHierarchy.Field field = context().hierarchy().field(owner, name, descriptor);
                int flags = field == null ? 0 : field.access();
                if ((flags & ACC_FINAL) == 0) {
                    beforeAccess(opcode, owner, name, descriptor, field);
                }
            }
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        private void beforeAccess(int opcode, String owner, String name, String descriptor, ClassHierarchy.Field field) {
            boolean isVolatile = field != null && (field.access() & ACC_VOLATILE) != 0;
            boolean write = opcode == PUTFIELD || opcode == PUTSTATIC;
            SyncPointKind kind = write
                    ? (isVolatile ? SyncPointKind.VOLATILE_WRITE : SyncPointKind.FIELD_WRITE)
                    : (isVolatile ? SyncPointKind.VOLATILE_READ : SyncPointKind.FIELD_READ);
            HookMethod hook = write ? HookMethod.FIELD_WRITE : HookMethod.FIELD_READ;
            String target = ClassContext.simpleName(owner) + "." + name;
            switch (opcode) {
                case GETSTATIC, PUTSTATIC -> {
                    mv.visitInsn(ACONST_NULL); // the owner of a static field
                    callFieldHook(hook, kind, target, field);
                }
                case GETFIELD -> {
                    dup();
                    callFieldHook(hook, kind, target, field);
                }
                case PUTFIELD -> {
                    int value = stash(Type.getType(descriptor), 0);
                    dup();
                    callFieldHook(hook, kind, target, field);
                    loadLocal(value);
                }
                default -> throw new IllegalArgumentException("not a field instruction: " + opcode);
            }
        }
    }

    /**
     * Tell the adapter behind it when a constructor has called {@code super(...)} or {@code this(...)}.
     *
     * <p>{@link AdviceAdapter} finds that call by simulating the stack, and calls
     * {@link #onMethodEnter()} right after forwarding it, so every later instruction reaches the
     * adapter with {@code this} initialised.
     */
    private static final class ConstructorTracker extends AdviceAdapter {
        private final Adapter adapter;

        ConstructorTracker(Adapter adapter, int access, String name, String descriptor) {
            super(Opcodes.ASM9, adapter, access, name, descriptor);
            this.adapter = adapter;
        }

        @Override
        protected void onMethodEnter() {
            adapter.initialized = true;
        }
    }
}
