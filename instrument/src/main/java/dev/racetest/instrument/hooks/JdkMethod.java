package dev.racetest.instrument.hooks;

import java.util.Arrays;

/**
 * A JDK method whose waits the wait hooks take over, and which receivers run the JDK's own code for it.
 *
 * <p>The hooks call the JDK method with an endless timeout and count on it to give up with an
 * {@code InterruptedException} when racetest interrupts the thread. Only the JDK's implementations keep
 * that promise; a user's own {@code BlockingQueue}, or an override in a subclass of a JDK queue, is
 * instrumented code with sync points of its own and must be called exactly as written. So the question
 * is not whether the receiver's class comes from the JDK but whether the method it would run is declared
 * by a JDK class, answered by reflection once per receiver class.
 */
final class JdkMethod {

    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    private final String name;
    private final Class<?>[] parameterTypes;
    private final ClassValue<Boolean> runsJdkCode = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return declaredByJdk(type);
        }
    };

    /** The public method {@code declaringType.name(parameterTypes)}; fails at once if there is none. */
    JdkMethod(Class<?> declaringType, String name, Class<?>... parameterTypes) {
        try {
            declaringType.getMethod(name, parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(declaringType.getSimpleName() + " has no public method " + name
                    + Arrays.toString(parameterTypes), e);
        }
        this.name = name;
        this.parameterTypes = parameterTypes.clone();
    }

    /**
     * Return whether calling this method on {@code receiver} runs the JDK's code; throws
     * {@code NullPointerException} on {@code null}, as the call would.
     */
    boolean runsJdkCode(Object receiver) {
        return runsJdkCode.get(receiver.getClass());
    }

    /** Return whether {@code type} was defined by the boot or the platform loader, which racetest never instruments. */
    static boolean isJdkClass(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == PLATFORM;
    }

    private boolean declaredByJdk(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            try {
                current.getDeclaredMethod(name, parameterTypes);
                return isJdkClass(current);
            } catch (NoSuchMethodException notHere) {
                // inherited: look at the superclass
            } catch (LinkageError unresolvable) {
                // a user class whose signatures name a missing class: not the JDK's code either way
                return false;
            }
        }
        // Only an interface declares it (a default method): none of the JDK's waits is one.
        return false;
    }
}
