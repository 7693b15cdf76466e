package dev.racetest.instrument.hooks;

/**
 * The entry points that replace identity hash codes in rewritten code.
 *
 * <p>The JVM's identity hash codes differ from run to run, and with them the iteration order of every
 * hash table keyed by objects that do not override {@code hashCode()}. Rewritten code asks the
 * handler instead, through {@link IdentityHashes}, which keeps each object's first answer for its
 * whole life. Rewritten classes that inherit {@code Object.hashCode()} get a synthetic override
 * calling {@link #identityHashCode}, so JDK hash tables see the same codes. None of these is a
 * scheduling point.
 */
public final class IdentityHooks {

    /**
     * Whether instances of a class hash by identity: their {@code hashCode()} is {@code Object}'s, or
     * {@code Enum}'s, which is final and returns the identity hash code as well.
     */
    private static final ClassValue<Boolean> HASHES_BY_IDENTITY = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                Class<?> declaring = type.getMethod("hashCode").getDeclaringClass();
                return declaring == Object.class || declaring == Enum.class;
            } catch (NoSuchMethodException impossible) {
                throw new AssertionError("every class has a public hashCode()", impossible);
            } catch (LinkageError missingSignatureType) {
                // Reflection loads the types in every public signature of the class, and a library may
                // name an optional one that is absent. Its own hashCode() is then the safe answer.
                return false;
            }
        }
    };

    private IdentityHooks() {
    }

    /**
     * Replaces {@code System.identityHashCode(object)} and {@code super.hashCode()} into {@code Object};
     * the body of the synthetic {@code hashCode()} of rewritten classes.
     */
    public static int identityHashCode(Object object) {
        return object == null ? 0 : IdentityHashes.of(object, Hooks.boundHandler());
    }

    /**
     * Replaces every virtual or interface call of {@code hashCode()}: the identity hash code above for
     * a receiver whose class does not override it, else the receiver's own.
     */
    public static int hashCode(Object object) {
        if (object != null && HASHES_BY_IDENTITY.get(object.getClass())) {
            return IdentityHashes.of(object, Hooks.boundHandler());
        }
        return object.hashCode(); // a null receiver throws here, as the replaced call would have
    }
}
