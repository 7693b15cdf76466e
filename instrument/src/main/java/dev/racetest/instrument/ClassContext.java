package dev.racetest.instrument;

import dev.racetest.instrument.hooks.SyncPointKind;
import dev.racetest.instrument.hooks.SyncSites;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.JSRInlinerAdapter;

/**
 * What every rewriter needs to know about the class being rewritten; one per {@code rewrite} call.
 *
 * <p>Filled by {@link Collector}, the head of the chain, before any method reaches a rewriter:
 * {@code visit} and {@code visitSource} come before the first {@code visitMethod}. Confined to the
 * rewriting thread.
 */
final class ClassContext {

    private final ClassHierarchy hierarchy;
    /** Methods, as name + descriptor, that every rewriter passes on as they are (see {@link #leavesAsItIs}). */
    private final Set<String> leftAsTheyAre;
    private final MethodReferenceBridges bridges = new MethodReferenceBridges();
    /** Whether the class may hold method references; {@code true} unless a look at its constant pool said no. */
    private boolean mayReferenceMethods = true;
    private String internalName;
    private String binaryName;
    private String simpleName;
    private String sourceFile;
    private int version;
    /** The method being read, for failure messages; {@code null} before the first method. */
    private String currentMethod;

    ClassContext(ClassHierarchy hierarchy) {
        this(hierarchy, Set.of());
    }

    /** A context in which the methods {@code leftAsTheyAre} (name + descriptor) are not rewritten. */
    ClassContext(ClassHierarchy hierarchy, Set<String> leftAsTheyAre) {
        this.hierarchy = hierarchy;
        this.leftAsTheyAre = Set.copyOf(leftAsTheyAre);
    }

    /**
     * Return whether the method is to be passed on exactly as it was read: it would exceed a JVM limit
     * once rewritten, so {@link ClassRewriter} leaves it uninstrumented. Every stage that rewrites
     * method bodies asks; stages that only look at the class's methods (which exist, which
     * {@code hashCode}) still see it.
     */
    boolean leavesAsItIs(String name, String descriptor) {
        return !leftAsTheyAre.isEmpty() && leftAsTheyAre.contains(name + descriptor);
    }

    ClassHierarchy hierarchy() {
        return hierarchy;
    }

    /** Return the method-reference bridges made for this class. */
    MethodReferenceBridges bridges() {
        return bridges;
    }

    boolean mayReferenceMethods() {
        return mayReferenceMethods;
    }

    /** Record that the class holds no method references, so {@link MethodReferenceRouter} need not look. */
    void holdsNoMethodReferences() {
        mayReferenceMethods = false;
    }

    String internalName() {
        return internalName;
    }

    /** Return the name after the last package separator, such as {@code Outer$Inner}. */
    String simpleName() {
        return simpleName;
    }

    int version() {
        return version;
    }

    String currentMethod() {
        return currentMethod;
    }

    /**
     * Register a site in this class and return the id the bytecode passes to {@code Hooks}; a site in a
     * method-reference bridge belongs to the method holding the reference, whose line the bridge has.
     */
    int registerSite(SyncPointKind kind, String methodName, int line, String target) {
        return SyncSites.register(kind, binaryName, bridges.siteMethod(methodName), sourceFile, line, target).id();
    }

    /** Register a field-access site; {@code field} and {@code benignRace} as {@link dev.racetest.instrument.hooks.SyncSite} says. */
    int registerFieldSite(SyncPointKind kind, String methodName, int line, String target, String field,
                          boolean benignRace) {
        return SyncSites.register(kind, binaryName, methodName, sourceFile, line, target, field, benignRace).id();
    }

    /** Return the simple name of an internal class name, such as {@code AtomicInteger}. */
    static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    /**
     * Record the class header for the rewriters and inline JSR/RET subroutines of old class files.
     *
     * <p>Inlining comes first because the rewriters (local-variable sorting) and frame computation
     * cannot follow subroutines; class files from version 51 on may not contain them, so newer classes
     * skip the buffering it costs.
     */
    static final class Collector extends ClassVisitor {
        private final ClassContext context;

        Collector(ClassVisitor next, ClassContext context) {
            super(Opcodes.ASM9, next);
            this.context = context;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            context.version = version;
            context.internalName = name;
            context.binaryName = name.replace('/', '.');
            context.simpleName = simpleName(name);
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public void visitSource(String source, String debug) {
            context.sourceFile = source;
            super.visitSource(source, debug);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            context.currentMethod = name;
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            if (next == null || (context.version & 0xFFFF) >= Opcodes.V1_7) {
                return next;
            }
            return new JSRInlinerAdapter(next, access, name, descriptor, signature, exceptions);
        }
    }
}
