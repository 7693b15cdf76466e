package dev.racetest.instrument;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Turn {@code new Jdk(...)} expressions of one method into {@code new Substitute(...)}, where the
 * substitute is a subclass declaring every public constructor of the JDK class with the same
 * parameters: the {@code NEW} names the substitute and so does the matching {@code invokespecial <init>}.
 *
 * <p>{@code super(...)} and {@code this(...)} calls in the constructors of a user subclass of the JDK
 * class are {@code invokespecial <init>} on the JDK class too, but no replaced {@code NEW} is open
 * when they run (a constructor argument is evaluated completely before its call), so they are told
 * apart by counting: only while a replaced {@code NEW} waits for its constructor call is an
 * {@code <init>} on the JDK class one of ours. Such a subclass thus keeps its real superclass and stays
 * uncontrolled. Constructor references ({@code Jdk::new}) reach it through a bridge
 * ({@link MethodReferenceRouter}). Confined to the rewriting of one method.
 */
final class ConstructorSubstitution {

    /**
     * A JDK class and the substitute that stands in for it in {@code new} expressions, checked once, by
     * the rewriter that declares them: the substitute must extend the JDK class and, since a {@code NEW}
     * is retyped before its arguments are known, declare a twin of each of its public constructors.
     */
    static final class Classes {
        private final String jdkType;
        private final String substituteType;

        private Classes(String jdkType, String substituteType) {
            this.jdkType = jdkType;
            this.substituteType = substituteType;
        }

        static Classes of(Class<?> jdkType, Class<?> substituteType) {
            if (jdkType != substituteType.getSuperclass()) {
                throw new IllegalArgumentException(substituteType.getName() + " must extend " + jdkType.getName());
            }
            for (Constructor<?> constructor : jdkType.getConstructors()) {
                try {
                    substituteType.getConstructor(constructor.getParameterTypes());
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException(substituteType.getSimpleName() + " lacks the constructor "
                            + Arrays.toString(constructor.getParameterTypes()) + " of " + jdkType.getSimpleName(), e);
                }
            }
            return new Classes(Type.getInternalName(jdkType), Type.getInternalName(substituteType));
        }
    }

    private final String jdkType;
    private final String substituteType;
    /** Replaced {@code NEW}s whose constructor call has not been seen yet; compilers nest them. */
    private int open;

    ConstructorSubstitution(Classes classes) {
        this.jdkType = classes.jdkType;
        this.substituteType = classes.substituteType;
    }

    /** Return the type a {@code NEW} (or other type instruction) should name instead of {@code type}. */
    String typeInstruction(int opcode, String type) {
        if (opcode == Opcodes.NEW && type.equals(jdkType)) {
            open++;
            return substituteType;
        }
        return type;
    }

    /** Return the owner an {@code invokespecial} of {@code name} on {@code owner} should name instead. */
    String specialCallOwner(String owner, String name) {
        if (open > 0 && owner.equals(jdkType) && name.equals("<init>")) {
            open--;
            return substituteType;
        }
        return owner;
    }
}
